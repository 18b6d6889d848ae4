package org.genrelens.training.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The spectra a {@link SpectrumCache} folder keeps between runs: how many and how large, and deleting them. Only the
 * cache's own {@code *.spectrum} files are counted or deleted, so a {@code --cache} pointed at a folder that holds
 * anything else loses nothing else. Deleting is always safe: a later run computes what it needs again.
 *
 * @param directory the cache folder
 * @param files     spectrum files in it
 * @param bytes     their total size
 */
public record KeptSpectra(Path directory, long files, long bytes) {

    private static final String SUFFIX = ".spectrum";

    /** What the folder keeps; none when it does not exist. */
    public static KeptSpectra in(Path directory) throws IOException {
        long bytes = 0;
        List<Path> entries = entries(directory);
        for (Path entry : entries) {
            bytes += sizeOf(entry);
        }
        return new KeptSpectra(directory, entries.size(), bytes);
    }

    /**
     * Deletes every spectrum file in the folder (the folder itself stays).
     *
     * @return what was deleted
     * @throws IOException naming the file that could not be deleted; those before it are gone
     */
    public static KeptSpectra delete(Path directory) throws IOException {
        long files = 0;
        long bytes = 0;
        for (Path entry : entries(directory)) {
            long size = sizeOf(entry);
            try {
                if (Files.deleteIfExists(entry)) {
                    files++;
                    bytes += size;
                }
            } catch (IOException e) {
                throw new IOException("could not delete the kept spectrum " + entry + ": " + e.getMessage(), e);
            }
        }
        return new KeptSpectra(directory, files, bytes);
    }

    public boolean isEmpty() {
        return files == 0;
    }

    /** "1.9 GB in 1,012 files", or in MB below a gigabyte ("4.2 MB in 12 files") */
    public String size() {
        return bytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB in %,d files", bytes / 1e9, files)
                : String.format(Locale.ROOT, "%.1f MB in %,d files", bytes / 1e6, files);
    }

    private static List<Path> entries(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(e -> e.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(e))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** 0 for a file another run deleted meanwhile. */
    private static long sizeOf(Path entry) throws IOException {
        try {
            return Files.size(entry);
        } catch (NoSuchFileException e) {
            return 0;
        }
    }
}
