package org.genrelens.app.library;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.library.LibraryLocation;
import org.genrelens.tags.GenreWriting;
import org.genrelens.tags.TagPlan;
import org.genrelens.tags.TagPolicy;
import org.genrelens.tags.TagWriteOptions;
import org.genrelens.tags.WriteReport;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import org.genrelens.workspace.LibraryTagPlanner;

/**
 * {@code genrelens tag --library}: the user's corrections and the stored predictions of every analysed, present track, planned against the
 * files as they are now, written with the library's SQLite journal; a file whose size or mtime differs from the
 * scan is refused (rescan first).
 */
public final class LibraryTagging {

    private final TagPolicy policy;
    private final GenreWriting writing;
    private final TagWriteOptions options;
    private final boolean dryRun;
    private final PrintWriter out;
    private final PrintWriter err;

    LibraryTagging(TagPolicy policy, GenreWriting writing, TagWriteOptions options, boolean dryRun, PrintWriter out,
            PrintWriter err) {
        this.policy = policy;
        this.writing = writing;
        this.options = options;
        this.dryRun = dryRun;
        this.out = out;
        this.err = err;
    }

    int run(Path databaseFile) {
        Path file = databaseFile != null ? databaseFile : LibraryLocation.defaultDatabase();
        try (LibraryDatabase library = LibraryDatabase.open(file)) {
            LibraryTagPlanner planner = new LibraryTagPlanner(library, null, writing);
            LibraryTagPlanner.PlannedTags planned = planner.plan(policy, List.of(), ProgressListener.NONE,
                    Cancellation.none());
            TagPlan plan = planned.plan();
            plan.describe().forEach(out::println);
            Map<Path, String> failures = new LinkedHashMap<>();
            plan.skipped().stream().filter(TagPlan.Skipped::failed)
                    .forEach(skip -> failures.put(skip.file(), skip.reason()));
            if (dryRun) {
                out.printf("dry run: %d change(s) planned, nothing written%n", plan.changes().size());
            } else if (plan.isEmpty()) {
                out.println("nothing to change");
            } else {
                WriteReport report = planner.apply(planned, options, ProgressListener.NONE, Cancellation.none());
                report.failures().forEach(failure -> failures.put(failure.file(), failure.message()));
                out.printf("tagged %d file(s) in batch %d; undo with: genrelens undo %d --db %s%n",
                        report.applied().size(), report.batchId(), report.batchId(), file);
            }
            return TagCommand.report(failures, err);
        }
    }
}
