package org.genrelens.library;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the tags a file already has. The library may not touch JAudioTagger (only the tags package does), so the
 * caller supplies the reader; {@link #NONE} records no tags.
 */
@FunctionalInterface
public interface ExistingTagsReader {

    ExistingTagsReader NONE = file -> Optional.empty();

    /** The file's title, artist, album and genres, or empty when it has no tags this reader understands. */
    Optional<ExistingTags> read(Path file) throws IOException;
}
