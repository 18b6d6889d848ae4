package org.genrelens.app.training;

import org.genrelens.app.ExitCodes;
import org.genrelens.app.ModelOptions;
import org.genrelens.app.TerminalProgress;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.inference.GenreClassifier;
import org.genrelens.inference.ModelLoadException;
import org.genrelens.task.Cancellation;
import org.genrelens.training.data.GtzanFilteredSplit;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.evaluation.ClassificationMetrics;
import org.genrelens.training.evaluation.ConfusionHeatmap;
import org.genrelens.training.evaluation.EvaluationReport;
import org.genrelens.training.evaluation.Evaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code genrelens evaluate DATASET}: a model's track- and window-level scores on labelled clips. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Scores a model on labelled clips: a GTZAN folder, a folder-per-genre tree, or a list of "
                + "(file, genre) pairs. Prints track-level (window probabilities averaged) and window-level "
                + "accuracy, balanced accuracy, macro-F1, per-genre precision/recall/F1 and the confusion matrix, "
                + "and names the split it measured on. Takes the same dataset options as train and tune (--list, "
                + "--genres, --not-music)."})
public final class EvaluateCommand implements Callable<Integer> {

    private static final List<String> SIDES = List.of("all", "train", "valid", "test");

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions data;

    @Option(names = "--split", paramLabel = "test|valid|train|all", defaultValue = "all",
            description = "A side of GTZAN's fault-filtered split (the clips must be GTZAN's), or all clips "
                    + "(default: ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON")
    Path jsonReport;

    @Option(names = "--heatmap", paramLabel = "FILE.png", description = "Also draw the track-level confusion matrix")
    Path heatmap;

    @Option(names = "--jobs", paramLabel = "N", defaultValue = "0",
            description = "Clips decoded in parallel; 0 = one per core (default: ${DEFAULT-VALUE})")
    int jobs;

    @Mixin
    ModelOptions modelOptions;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        validateOptions();
        AudioDecoder decoder = new AudioDecoder();
        List<LabeledClip> clips;
        try {
            // the same sources as train and tune: folder or list, --genres, synthesised --not-music
            clips = data.load(spec.commandLine(), 1, "evaluation").clips();
        } catch (NoSuchFileException e) {
            err.println("genrelens: the pairs list " + e.getFile() + " does not exist");
            return ExitCodes.FAILURES;
        } catch (IOException e) {
            err.println("genrelens: " + e.getMessage());
            return ExitCodes.FAILURES;
        }
        String splitName = "all clips of " + source();
        if (!split.equals("all")) {
            GtzanFilteredSplit.Assignment assignment = GtzanFilteredSplit.assign(clips);
            if (assignment.split().all().isEmpty()) {
                throw new ParameterException(spec.commandLine(), "--split " + split + " needs GTZAN's clips "
                        + "(<genre>/<genre>.000NN); none of the " + clips.size() + " clips of " + source()
                        + " is in the fault-filtered lists");
            }
            clips = assignment.split().side(split);
            splitName = GtzanFilteredSplit.NAME + "/" + split + " of " + source()
                    + (assignment.unlisted().isEmpty() ? "" : " (" + assignment.unlisted().size()
                            + " clips in no list left out)");
        }
        if (clips.isEmpty()) {
            err.println("genrelens: no clips to evaluate on " + splitName);
            return ExitCodes.FAILURES;
        }
        try (GenreClassifier classifier = modelOptions.open()) {
            EvaluationReport report = evaluate(classifier, decoder, splitName, clips);
            return finish(report, classifier.card().name());
        } catch (ModelLoadException | ModelOptions.ModelNotFoundException | IllegalArgumentException e) {
            err.println("genrelens: " + e.getMessage());
            return ExitCodes.FAILURES;
        }
    }

    private EvaluationReport evaluate(GenreClassifier classifier, AudioDecoder decoder, String splitName,
            List<LabeledClip> clips) {
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        int threads = jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
        try {
            return new Evaluator(threads).evaluate(classifier, decoder, splitName, clips, progress,
                    Cancellation.none());
        } finally {
            progress.finish();
        }
    }

    private int finish(EvaluationReport report, String modelName) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (report.trackLevel().total() == 0) {
            err.println("genrelens: not one clip of " + report.splitName() + " could be read:");
            report.skipped().forEach(reason -> err.println("  " + reason));
            return ExitCodes.FAILURES;
        }
        print(out, report, modelName);
        if (jsonReport != null) {
            report.writeJson(jsonReport);
            out.println("wrote " + jsonReport);
        }
        if (heatmap != null) {
            // the numbers first: a long split name is what gets cut when the title does not fit
            ConfusionHeatmap.writePng(report.trackLevel(), String.format(Locale.ROOT,
                    "%s, track level, accuracy %.3f, balanced %.3f, on %s", modelName,
                    report.trackLevel().accuracy(), report.trackLevel().balancedAccuracy(), report.splitName()),
                    heatmap);
            out.println("wrote " + heatmap);
        }
        if (!report.skipped().isEmpty()) {
            err.println(report.skipped().size() + " clip(s) could not be read and were skipped:");
            report.skipped().forEach(reason -> err.println("  " + reason));
            return ExitCodes.FAILURES;
        }
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, EvaluationReport report, String modelName) {
        ClassificationMetrics track = report.trackLevel();
        ClassificationMetrics window = report.windowLevel();
        out.println("model " + modelName + " on " + report.splitName());
        out.printf(Locale.ROOT, "track level (%d clips, window probabilities averaged): accuracy %.3f, "
                + "balanced accuracy %.3f, macro-F1 %.3f%n", track.total(), track.accuracy(),
                track.balancedAccuracy(), track.macroF1());
        out.printf(Locale.ROOT, "window level (%d windows): accuracy %.3f, balanced accuracy %.3f, macro-F1 %.3f%n",
                window.total(), window.accuracy(), window.balancedAccuracy(), window.macroF1());
        GenreTable.print(out, track);
    }

    /** What the clips came from, for the report's split name. */
    private String source() {
        return data.source();
    }

    private void validateOptions() {
        try {
            modelOptions.classifierOptions();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        split = split.toLowerCase(Locale.ROOT);
        if (!SIDES.contains(split)) {
            throw new ParameterException(spec.commandLine(), "--split must be one of " + SIDES + ", not '" + split
                    + "'");
        }
        if (jobs < 0) {
            throw new ParameterException(spec.commandLine(), "--jobs must be 0 (one per core) or more");
        }
    }
}
