package org.genrelens.app.training;

import java.nio.file.Path;
import java.util.Optional;
import org.genrelens.workspace.AppPaths;
import picocli.CommandLine.Option;

/**
 * Where {@code train} and {@code tune} keep computed spectra: the app's spectrum cache unless told otherwise, so the
 * two faces share one cache and a dataset larger than memory trains from disk (decision record 26).
 */
final class SpectrumCacheOptions {

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Keep computed spectra here for later runs, and read those that do not fit in memory from "
                    + "here (default: the spectrum cache in the user's data folder, shared with the desktop app)")
    Path cache;

    @Option(names = "--no-cache", description = "Keep spectra in memory only; a dataset whose spectra do not fit is "
            + "refused")
    boolean noCache;

    /**
     * Where the spectra are kept and how much space they take, e.g. "spectra are kept in DIR (1.9 GB in 1,012 files)
     * for the next run; delete the folder to free the space"; empty with --no-cache or when nothing is there.
     */
    Optional<String> keptSummary() {
        Optional<Path> directory = directory().filter(java.nio.file.Files::isDirectory);
        if (directory.isEmpty()) {
            return Optional.empty();
        }
        long bytes = 0;
        long files = 0;
        try (java.util.stream.Stream<Path> entries = java.nio.file.Files.list(directory.get())) {
            for (Path entry : entries.filter(e -> e.toString().endsWith(".spectrum")).toList()) {
                bytes += java.nio.file.Files.size(entry);
                files++;
            }
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return Optional.empty(); // only a courtesy line: the run itself succeeded
        }
        return files == 0 ? Optional.empty() : Optional.of(String.format(java.util.Locale.ROOT,
                "spectra are kept in %s (%.1f GB in %,d files) for the next run; delete the folder to free the space",
                directory.get(), bytes / 1e9, files));
    }

    Optional<Path> directory() {
        if (noCache) {
            return Optional.empty();
        }
        return Optional.of(cache != null ? cache : AppPaths.defaults(Optional.empty()).spectrumCache());
    }
}
