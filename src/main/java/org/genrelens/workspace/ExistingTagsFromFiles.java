package org.genrelens.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.genrelens.library.ExistingTags;
import org.genrelens.library.ExistingTagsReader;
import org.genrelens.tags.GenreMap;
import org.genrelens.tags.TagFileException;
import org.genrelens.tags.TagReader;
import org.genrelens.tags.TrackTags;

/**
 * Lets the scan record each file's existing title, artist, album and genres: the library may not touch
 * JAudioTagger, so the CLI and the desktop app hand it the tags package's reader. Genres are stored as the user's
 * genre map shows them: "Hip Hop", "hip-hop" and "(17)" are kept as "Hip-Hop", "Hip-Hop" and "Rock", each genre once,
 * and a value such as "Rock;Pop" as its two genres.
 */
public final class ExistingTagsFromFiles implements ExistingTagsReader {

    private final TagReader reader = new TagReader();
    private final GenreMap genreMap;

    public ExistingTagsFromFiles(GenreMap genreMap) {
        this.genreMap = java.util.Objects.requireNonNull(genreMap, "genreMap");
    }

    @Override
    public Optional<ExistingTags> read(Path file) throws IOException {
        if (!reader.supports(file)) {
            return Optional.empty();
        }
        try {
            TrackTags tags = reader.read(file);
            return Optional.of(new ExistingTags(tags.title(), tags.artist(), tags.album(),
                    genreMap.displayAll(tags.genres())));
        } catch (TagFileException e) {
            // a file whose tags cannot be read is still audio; it is scanned with no tags
            return Optional.empty();
        }
    }
}
