package org.genrelens.app.library;

import org.genrelens.app.ExitCodes;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.library.LibraryException;
import org.genrelens.library.LibraryStats;
import org.genrelens.model.AnalysisMode;
import org.genrelens.library.ScanCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code genrelens stats}: what the library holds. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Summarises the library: tracks by status, format and genre (named as the genre map shows "
                + "them, as list --by-genre does), and the last scan.")
public final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOptions library;

    @Mixin
    GenreMapOptions genreMapOptions;

    @Override
    public Integer call() throws java.io.IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (LibraryDatabase db = library.open()) {
            LibraryStats stats = LibraryStats.of(db, genreMapOptions.read());
            out.println("database: " + stats.database() + " (schema " + stats.schemaVersion() + ")");
            stats.roots().forEach(root -> out.println("root: " + root));
            out.print("tracks:");
            stats.byStatus().forEach((status, n) -> out.print(" " + n + " " + status.name().toLowerCase()));
            out.println();
            stats.byFormat().forEach((format, n) -> out.println("format " + format + ": " + n));
            stats.byGroup().forEach((group, n) -> out.println("genre " + group + ": " + n));
            out.printf("analysed: %d full, %d quick%n", stats.byMode().getOrDefault(AnalysisMode.FULL, 0L),
                    stats.byMode().getOrDefault(AnalysisMode.QUICK, 0L));
            stats.lastScan().ifPresent(run -> {
                ScanCounts c = run.counts();
                out.printf("last scan: %s, %d of %d files (%d new, %d changed, %d moved, %d gone, %d unreadable)%n",
                        run.state().name().toLowerCase(), run.filesDone(), run.filesTotal(), c.newTracks(),
                        c.changed(), c.moved(), c.gone(), c.unreadable());
            });
            return ExitCodes.OK;
        } catch (LibraryException e) {
            spec.commandLine().getErr().println("genrelens: " + e.getMessage());
            return ExitCodes.FAILURES;
        }
    }
}
