package org.genrelens.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.ModelLoadException;
import org.genrelens.inference.TrackAnalyzer;
import org.genrelens.model.AnalysisMode;
import org.genrelens.pipeline.AnalysisPipeline;
import org.genrelens.pipeline.AnalysisStage;
import org.genrelens.pipeline.FileOutcome;
import org.genrelens.task.Cancellation;
import org.genrelens.task.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code genrelens classify PATH...}: one line (or JSON object) per track, failures listed at the end. */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Predicts the genre of audio files, or of every audio file under folders (recursively).")
public final class ClassifyCommand implements Callable<Integer> {

    /** The stage the pipeline runs; tests replace it. */
    StageFactory stages = StageFactory.REAL;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Audio files or folders")
    List<Path> paths;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--json", description = "One JSON object per line instead of text")
    boolean json;

    @Option(names = "--hop", paramLabel = "SECONDS",
            description = "Start a 5 s window every SECONDS (default: the model's window hop)")
    Double hopSeconds;

    @Option(names = "--quick", description = "Classify " + TrackAnalyzer.QUICK_WINDOWS + " windows spread over each "
            + "track instead of every window, decoding only those parts where the format allows seeking")
    boolean quick;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "0",
            description = "Files decoded in parallel; 0 = one per core (default: ${DEFAULT-VALUE})")
    int jobs;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        validateOptions();
        AudioDecoder decoder = new AudioDecoder().preferringFfmpeg();
        AudioFileFinder.Found found = new AudioFileFinder(decoder.readableExtensions()).find(paths);
        Map<Path, String> failures = new LinkedHashMap<>(found.problems());
        if (found.files().isEmpty()) {
            err.println("genrelens: no audio files found in " + paths);
            failures.forEach((path, reason) -> err.println("  " + path + ": " + reason));
            return ExitCodes.FAILURES;
        }
        try (GenreClassifier classifier = modelOptions.open()) {
            TrackAnalyzer analyzer = hopSeconds == null
                    ? new TrackAnalyzer(decoder, classifier)
                    : new TrackAnalyzer(decoder, classifier, classifier.featureSpec().withWindowHopSeconds(hopSeconds));
            PredictionPrinter printer = new PredictionPrinter(out, json);
            long started = System.nanoTime();
            int classified = classifyAll(found.files(), analyzer, printer, failures);
            double seconds = (System.nanoTime() - started) / 1e9;
            err.printf("classified %d of %d tracks in %.1f s with %s on %s%n", classified, found.files().size(),
                    seconds, classifier.card().name(), classifier.executionProvider());
        } catch (ModelLoadException | ModelOptions.ModelNotFoundException e) {
            err.println("genrelens: " + e.getMessage());
            return ExitCodes.FAILURES;
        }
        if (!failures.isEmpty()) {
            err.println(failures.size() + " file(s) failed:");
            failures.forEach((path, reason) -> err.println("  " + path + ": " + reason));
            return ExitCodes.FAILURES;
        }
        return ExitCodes.OK;
    }

    private int classifyAll(List<Path> files, TrackAnalyzer analyzer, PredictionPrinter printer,
            Map<Path, String> failures) {
        AnalysisStage stage = stages.create(analyzer, quick ? AnalysisMode.QUICK : AnalysisMode.FULL);
        AnalysisPipeline.Summary summary = new AnalysisPipeline(stage, jobs).run(files, (index, outcome) -> {
            if (outcome instanceof FileOutcome.Analysed analysed) {
                printer.print(outcome.file(), analysed.prediction(), analysed.durationSeconds());
            } else {
                String reason = outcome.failure().orElseThrow();
                failures.put(outcome.file(), reason);
                printer.printFailure(outcome.file(), reason);
            }
        }, ProgressListener.NONE, Cancellation.none());
        return summary.analysed();
    }

    private void validateOptions() {
        try {
            modelOptions.classifierOptions();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (hopSeconds != null && !(hopSeconds > 0)) {
            throw new ParameterException(spec.commandLine(), "--hop must be a positive number of seconds");
        }
        if (jobs < 0) {
            throw new ParameterException(spec.commandLine(), "--jobs must be 0 (one per core) or more");
        }
    }
}
