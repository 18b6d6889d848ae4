package org.genrelens.app.library;

import java.nio.file.Path;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.library.LibraryLocation;
import picocli.CommandLine.Option;

/** {@code --db FILE}: the library database, by default in the user's data folder. */
public final class LibraryOptions {

    @Option(names = "--db", paramLabel = "FILE",
            description = "Library database (default: the user's data folder, e.g. ~/.local/share/genrelens/"
                    + LibraryLocation.FILE_NAME + ")")
    Path database;

    Path databaseFile() {
        return database != null ? database : LibraryLocation.defaultDatabase();
    }

    LibraryDatabase open() {
        return LibraryDatabase.open(databaseFile());
    }
}
