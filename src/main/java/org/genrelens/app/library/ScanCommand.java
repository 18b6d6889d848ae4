package org.genrelens.app.library;

import org.genrelens.app.ExitCodes;
import org.genrelens.app.TerminalProgress;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.library.LibraryException;
import org.genrelens.library.LibraryScanner;
import org.genrelens.library.ScanCounts;
import org.genrelens.library.ScanOptions;
import org.genrelens.library.ScanReport;
import org.genrelens.workspace.ExistingTagsFromFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code genrelens scan ROOT...}: finds audio files under folders and records them in the library. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Finds every audio file under the folders (by content, not only by name) and records it in "
                + "the library database. A rescan reads only new and changed files; a killed scan resumes."})
public final class ScanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ROOT", description = "Music folders")
    List<Path> roots;

    @Mixin
    LibraryOptions library;

    @Mixin
    GenreMapOptions genreMapOptions;

    @Option(names = "--include-hidden", description = "Also scan hidden files and folders (names starting with .)")
    boolean includeHidden;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "" + ScanOptions.DEFAULT_BATCH,
            description = "Files committed per transaction (default: ${DEFAULT-VALUE})")
    int batch;

    @Override
    public Integer call() throws java.io.IOException {
        if (batch < 1) {
            throw new ParameterException(spec.commandLine(), "--batch must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScanOptions options = ScanOptions.defaults().withBatchSize(batch).withIncludeHidden(includeHidden)
                .withTagsReader(new ExistingTagsFromFiles(genreMapOptions.read()));
        TerminalProgress progress = new TerminalProgress(err);
        ScanReport report;
        try (LibraryDatabase db = library.open()) {
            report = new LibraryScanner(db).scan(roots, options, progress,
                    org.genrelens.task.Cancellation.none());
        } catch (LibraryException e) {
            progress.finish();
            err.println("genrelens: " + e.getMessage());
            return ExitCodes.FAILURES;
        }
        progress.finish();
        ScanCounts c = report.counts();
        out.printf("%s%d new, %d changed, %d retagged, %d moved, %d unchanged, %d gone, %d unreadable%n",
                report.resumed() ? "resumed an unfinished scan: " : "", c.newTracks(), c.changed(), c.retagged(),
                c.moved(), c.unchanged(), c.gone(), c.unreadable());
        if (!report.hasFailures()) {
            return ExitCodes.OK;
        }
        list(err, report.unreadable().size() + " file(s) unreadable:", report.unreadable());
        list(err, report.problems().size() + " folder(s) or file(s) not scanned:", report.problems());
        return ExitCodes.FAILURES;
    }

    private static void list(PrintWriter err, String heading, Map<Path, String> failures) {
        if (!failures.isEmpty()) {
            err.println(heading);
            failures.forEach((path, reason) -> err.println("  " + path + ": " + reason));
        }
    }
}
