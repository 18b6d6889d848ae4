package org.genrelens.app.library;

import java.io.IOException;
import java.nio.file.Path;
import org.genrelens.library.LibraryLocation;
import org.genrelens.tags.GenreMap;
import org.genrelens.tags.GenreMapFile;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code --genres FILE}: the user's genre map, by default {@value GenreMapFile#FILE_NAME} in the data folder. */
public final class GenreMapOptions {

    // inherited, so "genrelens genres list --genres FILE" works as well as before the subcommand
    @Option(names = "--genres", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Genre map (default: " + GenreMapFile.FILE_NAME + " in the user's data folder, beside the "
                    + "library; the built-in genres when it does not exist)")
    Path genreMapFile;

    Path file() {
        return genreMapFile != null ? genreMapFile : LibraryLocation.dataDirectory().resolve(GenreMapFile.FILE_NAME);
    }

    GenreMap read() throws IOException {
        return GenreMapFile.read(file());
    }
}
