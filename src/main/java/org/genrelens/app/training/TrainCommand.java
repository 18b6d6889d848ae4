package org.genrelens.app.training;

import org.genrelens.app.ExitCodes;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.task.Cancellation;
import org.genrelens.task.CancelledException;
import org.genrelens.training.FineTuneStart;
import org.genrelens.training.TrainingConfig;
import org.genrelens.training.TrainingReadiness;
import org.genrelens.training.TrainingRecipe;
import org.genrelens.training.card.FinalTraining;
import org.genrelens.training.cnn.ModelSpec;
import org.genrelens.training.cnn.TrainingSettings;
import org.genrelens.training.cnn.WeightSource;
import org.genrelens.training.evaluation.EvaluationReport;
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
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions data;

    @Mixin
    FeatureOptions features;

    @Mixin
    RecipeOptions recipe;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.onnx",
            description = "Model to write, with FILE.card.json beside it (default: " + ModelDestination.DEFAULT_DESCRIPTION
                    + ")")
    Path out;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "0",
            description = "K-fold cross-validation by clip before the final model; 0 = none (default: ${DEFAULT-VALUE})")
    int folds;

    @Option(names = "--from", paramLabel = "MODEL.onnx",
            description = "Fine-tune this model: its spectrogram and network come from its card, the whole network "
                    + "trains, and the output layer is new when the genres differ; --config then gives only the "
                    + "training settings")
    Path from;

    @Mixin
    SpectrumCacheOptions spectra;

    @Option(names = "--seeds", paramLabel = "N",
            description = "Networks per model, each with its own seed and inner split, averaged in one graph; "
                    + "cross-validation averages them per fold too (default: 1, or as many as the --from model has)")
    Integer seedsOption;

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

    @Option(names = "--fold-models", paramLabel = "DIR",
            description = "With --folds: also write each fold's network here, with the clips it never saw "
                    + "(fold-N.onnx, fold-N.held-out.tsv), e.g. to measure quick mode on held-out clips")
    Path foldModels;

    @Option(names = "--report", paramLabel = "DIR",
            description = "With --folds: write the cross-validation report (JSON) and confusion heatmaps (PNG) here")
    Path reportDirectory;

    @Option(names = "--head",
            description = "With --library: train only a new output layer on the embeddings that analysis stored for "
                    + "the base model (--from, else the default model), decoding nothing; cross-validated by "
                    + "artist with --folds K (5 unless given). Needs the library analysed by the base model")
    boolean head;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (head) {
            if (!data.library) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--head trains on the "
                        + "embeddings stored in a library; add --library (and --db FILE)");
            }
            return HeadTrainingRun.run(spec.commandLine(), data.database, data.minTracks, from, folds, out);
        }
        TrainingReadiness.ofThisMachine().trainingUnavailable().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        DatasetOptions.Loaded loaded = data.load(spec.commandLine());
        TrainingConfig config;
        WeightSource initial = WeightSource.RANDOM;
        org.genrelens.training.card.HeardClips startHeard = org.genrelens.training.card.HeardClips.none();
        int seeds = seedsOption == null ? 1 : seedsOption;
        if (from != null) {
            if (features.anyGiven() || recipe.networkGiven()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--from takes the spectrogram "
                        + "and network from " + from.getFileName() + "'s card; leave out the spectrogram and "
                        + "network options, or train from scratch without --from");
            }
            FineTuneStart start;
            try {
                start = FineTuneStart.read(from);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            TrainingConfig fromModel = start.config(TrainingConfig.defaults());
            TrainingConfig settingsFrom = recipe.config == null ? fromModel : recipe.base(spec.commandLine());
            config = recipe.apply(spec.commandLine(), fromModel.withSettings(settingsFrom.settings()),
                    fromModel.featureSpec());
            initial = start.weights(loaded.labels());
            startHeard = start.heardClips();
            seeds = seedsOption == null ? start.networks() : seeds;
        } else {
            TrainingConfig base = recipe.base(spec.commandLine());
            config = recipe.apply(spec.commandLine(), base, features.featureSpec(spec.commandLine(),
                    base.featureSpec()));
        }
        config.tuning().filter(record -> !record.changedAfterTuning().isEmpty()).ifPresent(record -> err.println(
                "genrelens: options changed the tuned configuration (" + String.join(", ", record.changedAfterTuning())
                + "); the card's tuning record names them"));
        var featureSpec = config.featureSpec();
        ModelSpec modelSpec = config.network().withClasses(loaded.labels().size());
        TrainingSettings settings = config.settings();
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
                settings, folds, validFraction, initial, spectra.directory(), seeds, cepstralMember,
                cepstralWeight, config.tuning(), startHeard);

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
        TrainingConsole console = new TrainingConsole(err, settings.batchSize());
        if (foldModels != null) {
            if (folds < 2) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--fold-models needs --folds K (K >= 2): without cross-validation there are no fold models");
            }
            console.writingFoldModelsTo(foldModels);
        }
        try {
            TrainingRecipe.Outcome outcome = new TrainingRecipe(new AudioDecoder()).run(plan,
                    ModelDestination.orDefault(out, "genre-cnn"), console,
                    cancellation);
            console.finish();
            spectra.keptSummary().ifPresent(err::println);
            PrintWriter stdout = spec.commandLine().getOut();
            if (outcome.crossValidation().isPresent()) {
                EvaluationReport report = outcome.crossValidation().get();
                printCrossValidation(stdout, report);
                outcome.withoutTuningClips().ifPresent(honest -> printCrossValidation(stdout, honest));
                printWithoutHeardClips(stdout, org.genrelens.inference.ModelCard.read(
                        org.genrelens.inference.ModelCard.cardPathFor(outcome.model())));
                stdout.println("balanced accuracy per fold: " + outcome.foldBalancedAccuracies().stream()
                        .map(v -> String.format(Locale.ROOT, "%.3f", v)).toList());
                if (reportDirectory != null) {
                    writeReport(report, stdout);
                    java.nio.file.Files.write(reportDirectory.resolve("member-predictions.tsv"),
                            console.memberPredictions());
                }
            }
            String ending = FinalTraining.inModelSpec(outcome.card().modelSpec())
                    .map(run -> "best epoch " + run.bestEpoch())
                    .orElse("an ensemble of " + (seeds + (cepstralMember > 0 ? 1 : 0)) + " members in one graph");
            stdout.printf(Locale.ROOT, "wrote %s (%s)%s%n", outcome.model(), ending,
                    outcome.cancelled() ? " - training was stopped early" : "");
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

    private void writeReport(EvaluationReport report, PrintWriter stdout) throws IOException {
        java.nio.file.Files.createDirectories(reportDirectory);
        report.writeJson(reportDirectory.resolve("cross-validation.json"));
        org.genrelens.training.evaluation.ConfusionHeatmap.writePng(report.trackLevel(), report.splitName() + ", track level",
                reportDirectory.resolve("confusion-track.png"));
        org.genrelens.training.evaluation.ConfusionHeatmap.writePng(report.windowLevel(), report.splitName() + ", window level",
                reportDirectory.resolve("confusion-window.png"));
        stdout.println("wrote the cross-validation report to " + reportDirectory);
    }

    /** A fine-tuning's score without the clips its starting model had learned from, or why there is none. */
    private void printWithoutHeardClips(PrintWriter out, org.genrelens.inference.ModelCard card) {
        if (!(org.genrelens.training.card.CardMetrics.of(card)
                instanceof org.genrelens.training.card.RecipeMetrics metrics)) {
            return;
        }
        metrics.withoutHeardClips().ifPresent(heard -> {
            out.printf(Locale.ROOT, "%d held-out clips were in %s's own training: the scores above flatter it%n",
                    heard.heldOutClips(), from.getFileName());
            heard.scores().ifPresent(held -> printCrossValidation(out, held.report()));
        });
        metrics.unscoredBecause().ifPresent(why -> out.println("no score is quoted for this model: " + why));
    }

    private static void printCrossValidation(PrintWriter out, EvaluationReport report) {
        var track = report.trackLevel();
        out.printf(Locale.ROOT, "%s (track level, %d clips): accuracy %.3f, balanced accuracy %.3f, macro-F1 %.3f; "
                        + "window level accuracy %.3f%n", report.splitName(), track.total(), track.accuracy(),
                track.balancedAccuracy(), track.macroF1(), report.windowLevel().accuracy());
    }

}
