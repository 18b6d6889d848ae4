package org.genrelens.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.task.Cancellation;
import org.genrelens.task.CancelledException;
import org.genrelens.training.Augmentation;
import org.genrelens.training.EvaluationReport;
import org.genrelens.training.ModelSpec;
import org.genrelens.training.PoolingType;
import org.genrelens.training.TrainingReadiness;
import org.genrelens.training.TrainingRecipe;
import org.genrelens.training.TrainingSettings;
import org.genrelens.training.WeightSource;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code genrelens train}: trains a CNN, optionally cross-validates it by clip, exports it with its card. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a genre CNN on a GTZAN folder, a folder-per-genre tree or a list of (file, genre) "
                + "pairs, and exports it as ONNX with its model card. With --folds K it first reports K-fold "
                + "cross-validation by clip (track level), the number that goes into the card. Ctrl-C stops "
                + "training and still exports the best epoch so far."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions data;

    @Mixin
    FeatureOptions features;

    @ArgGroup(exclusive = false, heading = "%nNetwork:%n")
    NetworkOptions network = new NetworkOptions();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.onnx", defaultValue = "models/genre-cnn.onnx",
            description = "Model to write, with FILE.card.json beside it (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "0",
            description = "K-fold cross-validation by clip before the final model; 0 = none (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--epochs", defaultValue = "30", description = "Most epochs (early stopping may end sooner)")
    int epochs;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate")
    double learningRate;

    @Option(names = "--batch", defaultValue = "32", description = "Windows per training step")
    int batchSize;

    @Option(names = "--patience", defaultValue = "6", description = "Epochs without a better validation loss before stopping")
    int patience;

    @Option(names = "--no-augment", description = "Train without augmentation (same as --augment none)")
    boolean noAugmentation;

    @Option(names = "--augment", split = ",", paramLabel = "PART,...",
            description = "Augmentations to use: offsets, masks, lowpass, mixup, gain, or none "
                    + "(default: offsets,masks,lowpass,mixup,gain)")
    List<String> augmentations;

    @Option(names = "--from", paramLabel = "MODEL.onnx", description = "Fine-tune: start from this model's weights")
    Path from;

    @Option(names = "--new-head", description = "With --from: a new output layer (the label set differs)")
    boolean newHead;

    @Option(names = "--cache", paramLabel = "DIR", description = "Keep computed spectra here for later runs")
    Path cache;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "1",
            description = "Networks per model, each with its own seed and inner split, averaged in one graph; "
                    + "cross-validation averages them per fold too (default: ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--cepstral-member", paramLabel = "N", defaultValue = "0",
            description = "Add one more member: logistic regression on the statistics of N cepstral coefficients "
                    + "of the same tiles, fitted on the same training clips; 0 = none (default: ${DEFAULT-VALUE})")
    int cepstralMember;

    @Option(names = "--cepstral-weight", paramLabel = "W", defaultValue = "0",
            description = "The cepstral member's share of the average, the networks sharing the rest; 0 = as much "
                    + "as each network (default: ${DEFAULT-VALUE})")
    double cepstralWeight;

    @Option(names = "--valid-fraction", paramLabel = "F", defaultValue = "0.15",
            description = "Share of the training clips (by clip) held out for early stopping (default: ${DEFAULT-VALUE})")
    double validFraction;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of splits, initialisation and sampling")
    long seed;

    @Option(names = "--report", paramLabel = "DIR",
            description = "With --folds: write the cross-validation report (JSON) and confusion heatmaps (PNG) here")
    Path reportDirectory;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        TrainingReadiness.ofThisMachine().trainingUnavailable().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        DatasetOptions.Loaded loaded = data.load(spec.commandLine());
        var featureSpec = features.featureSpec(spec.commandLine());
        ModelSpec modelSpec = network.modelSpec(featureSpec.channels(), loaded.labels().size());
        TrainingSettings settings = new TrainingSettings(epochs, batchSize, learningRate, 1e-4, patience,
                Math.max(1, patience / 2), 0.5, 1e-5, true,
                augmentation(), seed);
        WeightSource initial = from == null ? WeightSource.RANDOM : WeightSource.fromOnnx(from, newHead);
        if (cepstralMember < 0 || cepstralMember > featureSpec.height()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--cepstral-member must be between 0 and the " + featureSpec.height() + " bands");
        }
        if (!(cepstralWeight >= 0 && cepstralWeight < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--cepstral-weight must be in [0, 1)");
        }
        if (seeds < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--seeds must be at least 1");
        }
        if (!(validFraction > 0 && validFraction < 0.5)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--valid-fraction must be above 0 and below 0.5");
        }
        TrainingRecipe.Plan plan = new TrainingRecipe.Plan(loaded.clips(), loaded.name(), featureSpec, modelSpec,
                settings, folds, validFraction, initial, Optional.ofNullable(cache), seeds, cepstralMember, cepstralWeight);

        Cancellation cancellation = new Cancellation();
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            cancellation.cancel();
            try {
                finished.await(120, TimeUnit.SECONDS); // let the best epoch be exported
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        TrainingConsole console = new TrainingConsole(err, batchSize);
        try {
            TrainingRecipe.Outcome outcome = new TrainingRecipe(new AudioDecoder()).run(plan, out, console,
                    cancellation);
            console.finish();
            PrintWriter stdout = spec.commandLine().getOut();
            if (outcome.crossValidation().isPresent()) {
                EvaluationReport report = outcome.crossValidation().get();
                printCrossValidation(stdout, report);
                stdout.println("balanced accuracy per fold: " + outcome.foldBalancedAccuracies().stream()
                        .map(v -> String.format(Locale.ROOT, "%.3f", v)).toList());
                if (reportDirectory != null) {
                    writeReport(report, stdout);
                    java.nio.file.Files.write(reportDirectory.resolve("member-predictions.tsv"),
                            console.memberPredictions());
                }
            }
            Object bestEpoch = outcome.card().modelSpec().get("bestEpoch");
            stdout.printf(Locale.ROOT, "wrote %s (%s)%s%n", outcome.model(), bestEpoch != null
                    ? "best epoch " + bestEpoch : "an ensemble of " + (seeds + (cepstralMember > 0 ? 1 : 0))
                            + " members in one graph", outcome.cancelled() ? " - training was stopped early" : "");
            return ExitCodes.OK;
        } catch (CancelledException e) {
            console.finish();
            err.println("genrelens: training cancelled before a model could be exported");
            return ExitCodes.FAILURES;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is waiting for the latch released above
            }
        }
    }

    private Augmentation augmentation() {
        if (noAugmentation) {
            return Augmentation.none();
        }
        if (augmentations == null) {
            return Augmentation.standard();
        }
        try {
            return Augmentation.parts(augmentations);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--augment: " + e.getMessage());
        }
    }

    private void writeReport(EvaluationReport report, PrintWriter stdout) throws IOException {
        java.nio.file.Files.createDirectories(reportDirectory);
        report.writeJson(reportDirectory.resolve("cross-validation.json"));
        org.genrelens.training.ConfusionHeatmap.writePng(report.trackLevel(), report.splitName() + ", track level",
                reportDirectory.resolve("confusion-track.png"));
        org.genrelens.training.ConfusionHeatmap.writePng(report.windowLevel(), report.splitName() + ", window level",
                reportDirectory.resolve("confusion-window.png"));
        stdout.println("wrote the cross-validation report to " + reportDirectory);
    }

    private static void printCrossValidation(PrintWriter out, EvaluationReport report) {
        var track = report.trackLevel();
        out.printf(Locale.ROOT, "%s (track level, %d clips): accuracy %.3f, balanced accuracy %.3f, macro-F1 %.3f; "
                        + "window level accuracy %.3f%n", report.splitName(), track.total(), track.accuracy(),
                track.balancedAccuracy(), track.macroF1(), report.windowLevel().accuracy());
    }

    /** Network shape options; defaults give {@link ModelSpec#small}. */
    static final class NetworkOptions {
        @Option(names = "--channels", split = ",", paramLabel = "C,C,...", description = "Channels per block")
        List<Integer> channels = List.of(16, 32, 64, 128);

        @Option(names = "--kernel", description = "Convolution kernel size") int kernel = 3;

        @Option(names = "--plain", description = "No residual connections") boolean plain;

        @Option(names = "--pooling", paramLabel = "max|avg", description = "Pooling between blocks") String pooling = "max";

        @Option(names = "--dense", description = "Hidden dense width; 0 = none") int dense = 64;

        @Option(names = "--dropout", description = "Dropout before the output layer") double dropout = 0.3;

        ModelSpec modelSpec(int inputChannels, int classes) {
            PoolingType type = PoolingType.valueOf(pooling.toUpperCase(Locale.ROOT));
            return new ModelSpec(inputChannels, classes, channels, kernel, !plain, type, dense, dropout);
        }
    }
}
