package org.genrelens.app.training;

import org.genrelens.app.ExitCodes;
import org.genrelens.app.TerminalProgress;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.task.Cancellation;
import org.genrelens.training.baseline.BaselineTrainer;
import org.genrelens.training.data.FolderDataset;
import org.genrelens.training.data.LabeledClip;
import org.genrelens.training.data.NonMusicCorpus;
import org.genrelens.training.evaluation.ClassificationMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code genrelens baseline DATASET}: cross-validates and exports the statistics baseline model. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Trains the statistics baseline (logistic regression on the statistics of cepstral coefficients of "
                + "the bundled CNN's log-mel tiles) on a "
                + "folder-per-genre dataset or a GTZAN folder, reports k-fold-by-clip cross-validation, and "
                + "exports the ONNX model with its card."})
public final class BaselineCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "GTZAN folder or <genre>/<files> tree")
    Path dataset;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.onnx",
            description = "Model to write, with FILE.card.json beside it (default: " + ModelDestination.DEFAULT_DESCRIPTION
                    + ")")
    Path out;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "5", description = "Cross-validation folds")
    int folds;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the fold assignment")
    long seed;

    @Option(names = "--genres", split = ",", paramLabel = "G,G,...", description = "Only these genres")
    List<String> genres;

    @Option(names = "--not-music", paramLabel = "N", defaultValue = "0",
            description = "Add a not-music class: N synthesised clips of each kind (speech with espeak-ng if "
                    + "installed, noise, tones, hum, near-silence, chirps) (default: ${DEFAULT-VALUE})")
    int notMusicPerKind;

    @Option(names = "--cepstral", paramLabel = "N", defaultValue = "40",
            description = "Features: statistics of N cepstral coefficients and their deltas; 0 = mean and spread "
                    + "of every band (the features before decision record 10) (default: ${DEFAULT-VALUE})")
    int cepstralCoefficients;

    @Option(names = "--l2", paramLabel = "X", defaultValue = "0.03",
            description = "L2 penalty of the logistic regression (default: ${DEFAULT-VALUE})")
    double l2;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (folds < 2) {
            throw new ParameterException(spec.commandLine(), "--folds must be at least 2");
        }
        BaselineTrainer.Settings defaults = BaselineTrainer.Settings.defaults();
        if (cepstralCoefficients < 0 || cepstralCoefficients > defaults.spec().height() || l2 < 0) {
            throw new ParameterException(spec.commandLine(), "--cepstral must be between 0 and "
                    + defaults.spec().height() + ", --l2 0 or more");
        }
        AudioDecoder decoder = new AudioDecoder();
        List<LabeledClip> clips = FolderDataset.scan(dataset, decoder.readableExtensions());
        if (genres != null) {
            clips = clips.stream().filter(clip -> genres.contains(clip.genre())).toList();
            if (clips.isEmpty()) {
                throw new ParameterException(spec.commandLine(), "none of the genres " + genres + " is in " + dataset);
            }
        }
        if (notMusicPerKind > 0) {
            org.genrelens.training.TrainingReadiness.ofThisMachine().speechMissing()
                    .ifPresent(warning -> err.println("genrelens: warning: " + warning));
            List<LabeledClip> withNonMusic = new java.util.ArrayList<>(clips);
            withNonMusic.addAll(new NonMusicCorpus(NonMusicCorpus.findEspeak(), seed).writeOnce(
                    org.genrelens.workspace.AppPaths.defaults(java.util.Optional.empty()).notMusicCorpus(),
                    notMusicPerKind, 15.0));
            clips = List.copyOf(withNonMusic);
        }
        BaselineTrainer.Settings settings = new BaselineTrainer.Settings(defaults.spec(), folds, seed, l2,
                defaults.iterations(), defaults.learningRate(), cepstralCoefficients);
        TerminalProgress progress = new TerminalProgress(err);
        BaselineTrainer.Result result;
        try {
            result = new BaselineTrainer(decoder, settings).train(clips, dataset,
                    ModelDestination.orDefault(out, "genre-baseline"), progress, Cancellation.none());
        } finally {
            progress.finish();
        }
        ClassificationMetrics cv = result.crossValidation();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%d-fold cross-validation by clip on %d clips (track level): accuracy %.3f, "
                        + "balanced accuracy %.3f (folds %s), macro-F1 %.3f%n", folds, cv.total(), cv.accuracy(),
                cv.balancedAccuracy(), result.foldBalancedAccuracies().stream()
                        .map(v -> String.format(Locale.ROOT, "%.2f", v)).toList(), cv.macroF1());
        if (cv.labels().contains(NonMusicCorpus.LABEL)) {
            out.println("music clips only: " + cv.without(NonMusicCorpus.LABEL));
        }
        out.println("confusion (rows = true, columns = predicted; " + String.join(" ", cv.labels()) + "):");
        for (int[] row : cv.confusion()) {
            StringBuilder line = new StringBuilder("  ");
            for (int v : row) {
                line.append(String.format(Locale.ROOT, "%4d", v));
            }
            out.println(line);
        }
        out.println("wrote " + result.model() + " and its card");
        if (!result.skipped().isEmpty()) {
            err.println(result.skipped().size() + " clip(s) skipped:");
            result.skipped().forEach(reason -> err.println("  " + reason));
        }
        return ExitCodes.OK;
    }
}
