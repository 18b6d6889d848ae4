package org.genrelens.library;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How a scan runs.
 *
 * @param batchSize     files per committed transaction: the most work a killed scan repeats
 * @param includeHidden also scan hidden files and folders (names starting with a dot)
 * @param tagsReader    reads the tags files already carry
 * @param beforeRead    called with each file just before it is read; tests use it to make a file vanish between
 *                      listing and reading
 */
public record ScanOptions(int batchSize, boolean includeHidden, ExistingTagsReader tagsReader,
        Consumer<Path> beforeRead) {

    public static final int DEFAULT_BATCH = 500;

    public ScanOptions {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        Objects.requireNonNull(tagsReader, "tagsReader");
        Objects.requireNonNull(beforeRead, "beforeRead");
    }

    public static ScanOptions defaults() {
        return new ScanOptions(DEFAULT_BATCH, false, ExistingTagsReader.NONE, file -> { });
    }

    public ScanOptions withBatchSize(int size) {
        return new ScanOptions(size, includeHidden, tagsReader, beforeRead);
    }

    public ScanOptions withIncludeHidden(boolean include) {
        return new ScanOptions(batchSize, include, tagsReader, beforeRead);
    }

    public ScanOptions withTagsReader(ExistingTagsReader reader) {
        return new ScanOptions(batchSize, includeHidden, reader, beforeRead);
    }

    public ScanOptions withBeforeRead(Consumer<Path> hook) {
        return new ScanOptions(batchSize, includeHidden, tagsReader, hook);
    }
}
