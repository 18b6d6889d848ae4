package org.genrelens.app;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.genrelens.audio.AudioDecodeException;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.ModelLoadException;
import org.genrelens.inference.TrackAnalyzer;
import org.genrelens.model.AnalysisMode;
import org.genrelens.model.TrackPrediction;
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
final class ClassifyCommand implements Callable<Integer> {

    private static final int QUICK_BATCH = 4;

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
        Set<String> extensions = new HashSet<>(decoder.jvmExtensions());
        extensions.addAll(decoder.ffmpegExtensions());
        AudioFileFinder.Found found = new AudioFileFinder(extensions).find(paths);
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
        int threads = jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            // quick mode reads a few files' excerpts through one ffmpeg process: its start costs more than the rest
            int batchSize = quick ? QUICK_BATCH : 1;
            List<Future<List<Object>>> results = new ArrayList<>();
            for (int start = 0; start < files.size(); start += batchSize) {
                List<Path> batch = files.subList(start, Math.min(files.size(), start + batchSize));
                results.add(pool.submit(() -> analyse(analyzer, batch)));
            }
            int classified = 0;
            for (int b = 0; b < results.size(); b++) {
                List<Object> outcomes;
                try {
                    outcomes = results.get(b).get();
                } catch (ExecutionException e) {
                    outcomes = java.util.Collections.nCopies(Math.min(batchSize, files.size() - b * batchSize),
                            e.getCause());
                }
                for (int i = 0; i < outcomes.size(); i++) {
                    Path file = files.get(b * batchSize + i);
                    if (outcomes.get(i) instanceof TrackPrediction prediction) {
                        printer.print(file, prediction);
                        classified++;
                    } else {
                        String reason = reasonOf((Throwable) outcomes.get(i));
                        failures.put(file, reason);
                        printer.printFailure(file, reason);
                    }
                }
            }
            return classified;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while classifying", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A prediction or a Throwable per file of the batch. */
    private List<Object> analyse(TrackAnalyzer analyzer, List<Path> batch) {
        if (!quick) {
            try {
                return List.of(analyzer.analyze(batch.get(0), AnalysisMode.FULL));
            } catch (AudioDecodeException | RuntimeException e) {
                return List.of(e);
            }
        }
        List<Object> out = new ArrayList<>();
        for (TrackAnalyzer.Outcome outcome : analyzer.analyzeQuick(batch, org.genrelens.task.Cancellation.none())) {
            out.add(outcome.error() != null ? outcome.error() : outcome.analysed().prediction());
        }
        return out;
    }

    private static String reasonOf(Throwable cause) {
        if (cause instanceof AudioDecodeException decode) {
            return decode.getMessage();
        }
        // an unexpected failure of one file must not stop the others; say what it was
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
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
