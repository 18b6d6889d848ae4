package org.genrelens.app.training;

import java.nio.file.Path;
import java.util.Optional;
import org.genrelens.training.data.SpectrumCache;
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
     * Where the spectra are kept, their size (see {@link SpectrumCache#describeKept}) and the command that deletes
     * them; empty with --no-cache.
     */
    Optional<String> keptSummary() {
        String clear = cache != null ? "genrelens spectra --cache " + cache + " --clear" : "genrelens spectra --clear";
        return directory().flatMap(SpectrumCache::describeKept).map(kept -> kept + "; " + clear + " deletes them");
    }

    Optional<Path> directory() {
        if (noCache) {
            return Optional.empty();
        }
        return Optional.of(cache != null ? cache : AppPaths.defaults(Optional.empty()).spectrumCache());
    }
}
