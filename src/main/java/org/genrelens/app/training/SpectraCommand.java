package org.genrelens.app.training;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.genrelens.app.ExitCodes;
import org.genrelens.training.data.KeptSpectra;
import org.genrelens.workspace.AppPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code genrelens spectra}: what the spectrum cache of {@code train}, {@code tune} and the Train tab holds, and
 * deleting it. The cache is never pruned on its own (GTZAN's spectra take about 2 GB), so this is how it is freed.
 */
@Command(name = "spectra", mixinStandardHelpOptions = true,
        description = "Shows how much space the spectra kept for training take, or deletes them (--clear). They are "
                + "computed again when a run needs them.")
public final class SpectraCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "The cache folder (default: the spectrum cache in the user's data folder, shared with "
                    + "the desktop app)")
    Path cache;

    @Option(names = "--clear", description = "Delete the kept spectra (only the cache's own .spectrum files)")
    boolean clear;

    @Override
    public Integer call() {
        Path directory = cache != null ? cache : AppPaths.defaults(Optional.empty()).spectrumCache();
        PrintWriter out = spec.commandLine().getOut();
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            spec.commandLine().getErr().println("genrelens: --cache " + directory + " is a file, not a folder");
            return ExitCodes.USAGE;
        }
        try {
            if (clear) {
                KeptSpectra deleted = KeptSpectra.delete(directory);
                out.println(deleted.isEmpty() ? "no spectra were kept in " + directory
                        : "deleted the spectra kept in " + directory + " (" + deleted.size() + ")");
            } else {
                KeptSpectra kept = KeptSpectra.in(directory);
                out.println(kept.isEmpty() ? "no spectra are kept in " + directory
                        : "spectra are kept in " + directory + " (" + kept.size() + "); --clear deletes them");
            }
            return ExitCodes.OK;
        } catch (IOException e) {
            spec.commandLine().getErr().println("genrelens: " + e.getMessage());
            return ExitCodes.FAILURES;
        }
    }
}
