package org.genrelens.app.library;

import org.genrelens.app.ExitCodes;
import org.genrelens.app.ModelOptions;
import org.genrelens.app.StageFactory;
import org.genrelens.app.TerminalProgress;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.ModelLoadException;
import org.genrelens.inference.TrackAnalyzer;
import org.genrelens.library.LibraryAnalyzer;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.model.AnalysisMode;
import org.genrelens.task.Cancellation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code genrelens analyze}: predicts the genre of every scanned track not yet analysed with this model. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyses every scanned track that has no analysis for the current model and FeatureSpec "
                + "(so a new model re-analyses everything, and an unchanged one only new tracks). Results are "
                + "stored as they come: an interrupted run keeps its work."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    LibraryOptions library;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--retry-failed", description = "Also retry tracks whose analysis failed before")
    boolean retryFailed;

    @Option(names = "--quick", description = "Classify " + TrackAnalyzer.QUICK_WINDOWS + " windows spread over each "
            + "track, decoding only those parts where the format allows seeking; a later full run redoes them")
    boolean quick;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "0",
            description = "Tracks decoded in parallel; 0 = one per core (default: ${DEFAULT-VALUE})")
    int jobs;

    /** The stage the pipeline runs; tests replace it. */
    public StageFactory stages = StageFactory.REAL;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (jobs < 0) {
            throw new ParameterException(spec.commandLine(), "--jobs must be 0 (one per core) or more");
        }
        try (LibraryDatabase database = library.open(); GenreClassifier classifier = modelOptions.open()) {
            TrackAnalyzer analyzer = new TrackAnalyzer(new AudioDecoder().preferringFfmpeg(), classifier);
            AnalysisMode mode = quick ? AnalysisMode.QUICK : AnalysisMode.FULL;
            TerminalProgress progress = new TerminalProgress(err);
            long started = System.nanoTime();
            LibraryAnalyzer.Report report = new LibraryAnalyzer(database, stageMode -> stages.create(analyzer,
                    stageMode), classifier.card().sha256(), analyzer.spec().hash(), jobs)
                    .analyzePending(mode, retryFailed, progress, Cancellation.none());
            progress.finish();
            spec.commandLine().getOut().printf("analysed %d track(s)%s with %s on %s in %.1f s%n", report.analysed(),
                    quick ? " (quick)" : "", classifier.card().name(), classifier.executionProvider(),
                    (System.nanoTime() - started) / 1e9);
            if (report.failed() > 0) {
                err.println(report.failed() + " track(s) failed:");
                report.failures().forEach(reason -> err.println("  " + reason));
                return ExitCodes.FAILURES;
            }
            return ExitCodes.OK;
        } catch (ModelLoadException | ModelOptions.ModelNotFoundException e) {
            err.println("genrelens: " + e.getMessage());
            return ExitCodes.FAILURES;
        }
    }
}
