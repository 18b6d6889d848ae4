package org.genrelens.app.training;

import org.genrelens.app.ExitCodes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.inference.AtomicFiles;
import org.genrelens.task.Cancellation;
import org.genrelens.training.TrainingConfig;
import org.genrelens.training.TrainingConfigFile;
import org.genrelens.training.data.DatasetSplit;
import org.genrelens.training.tuning.ClipTuning;
import org.genrelens.training.tuning.HyperbandTuner;
import org.genrelens.training.tuning.SearchSpace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code genrelens tune}: Hyperband over learning rate, network and spectrogram, within a time budget. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = {"Searches learning rate, network size and shape, and spectrogram type and parameters with "
                + "Hyperband, on a by-clip stratified train/validation split of the data, within a time budget. "
                + "Prints every trial and the best configuration; --json writes them."})
public final class TuneCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DatasetOptions data;

    @Mixin
    FeatureOptions features;

    @Option(names = "--minutes", defaultValue = "20", description = "Time budget (default: ${DEFAULT-VALUE})")
    double minutes;

    @Option(names = "--max-epochs", defaultValue = "9", description = "Most epochs one trial gets (Hyperband R)")
    int maxEpochs;

    @Option(names = "--eta", defaultValue = "3", description = "Hyperband halving rate")
    int eta;

    @Option(names = "--json", paramLabel = "FILE", description = "Write every trial and the best configuration")
    Path json;

    @Mixin
    SpectrumCacheOptions spectra;

    @Option(names = "--seed", description = "Seed of the split, sampling and training (default: the configuration's)")
    Long seed;

    @Option(names = "--config", paramLabel = "FILE.json",
            description = "Search around this configuration instead of the defaults")
    Path config;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE.json",
            description = "Write the winner as a configuration that `genrelens train --config FILE.json` trains exactly")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!(minutes > 0) || maxEpochs < 1 || eta < 2) {
            throw new ParameterException(spec.commandLine(), "need --minutes > 0, --max-epochs >= 1, --eta >= 2");
        }
        PrintWriter err = spec.commandLine().getErr();
        org.genrelens.training.TrainingReadiness.ofThisMachine().trainingUnavailable().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        DatasetOptions.Loaded loaded = data.load(spec.commandLine());
        Cancellation cancellation = new Cancellation();
        ClipTuning tuning = new ClipTuning(new AudioDecoder(), spectra.directory(), s -> err.println(
                "computing features: " + s.type() + ", " + s.bands() + " bands, FFT " + s.fftSizes()));
        TrainingConfig base = base();
        ClipTuning.Outcome outcome = tuning.tune(loaded.clips(), SearchSpace.standard(base),
                new HyperbandTuner.Budget(maxEpochs, eta, Duration.ofSeconds(Math.round(minutes * 60))),
                (trial, finished) -> err.printf(Locale.ROOT, "trial %3d (%s, %ds): valid loss %.3f "
                                + "balanced acc %.3f  %s%n", trial.id(), trial.epochs() == 0 ? "its regression start"
                                : "bracket " + trial.bracket() + ", " + trial.epochs() + " epochs",
                        trial.duration().toSeconds(), trial.validLoss(), trial.validBalancedAccuracy(),
                        describe(trial)), cancellation);
        HyperbandTuner.Result result = outcome.result();
        DatasetSplit split = outcome.split();
        PrintWriter stdout = spec.commandLine().getOut();
        if (result.best() == null) {
            err.println("genrelens: no trial finished within the budget");
            return ExitCodes.FAILURES;
        }
        stdout.println("best of " + result.trials().size() + " trials"
                + (result.stoppedEarly() ? " (time budget reached)" : "") + ": " + describe(result.best()));
        stdout.printf(Locale.ROOT, "  validation loss %.3f, balanced accuracy %.3f on %s%n",
                result.best().validLoss(), result.best().validBalancedAccuracy(), split.name());
        if (json != null) {
            writeJson(result, split.name());
            stdout.println("wrote " + json);
        }
        if (out != null) {
            TrainingConfigFile.write(outcome.chosen().orElseThrow(), out);
            stdout.println("wrote " + out + "; train it with: genrelens train DATASET --config " + out);
        }
        return ExitCodes.OK;
    }

    /** The defaults or --config, with the spectrogram options and --seed given. */
    private TrainingConfig base() {
        RecipeOptions recipe = new RecipeOptions();
        recipe.config = config;
        recipe.seed = seed;
        TrainingConfig start = recipe.base(spec.commandLine());
        return recipe.apply(spec.commandLine(), start, features.featureSpec(spec.commandLine(), start.featureSpec()));
    }

    private static String describe(HyperbandTuner.Trial trial) {
        TrainingConfig config = trial.config();
        var model = config.network();
        var settings = config.settings();
        return String.format(Locale.ROOT, "%s %d bands FFT %s hop %d | channels %s k%d %s %s dense %d dropout %.2f "
                        + "statistics %d/%d | lr %.1e wd %.0e | %s",
                config.featureSpec().type(), config.featureSpec().bands(), config.featureSpec().fftSizes(),
                config.featureSpec().hopLength(), model.blockChannels(), model.kernelSize(),
                model.residual() ? "residual" : "plain", model.pooling(), model.denseWidth(), model.dropout(),
                model.statistics().coefficients(), model.statistics().width(), settings.learningRate(),
                settings.weightDecay(), settings.augmentation().partNames());
    }

    private void writeJson(HyperbandTuner.Result result, String splitName) throws IOException {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("split", splitName);
        report.put("budget", Map.of("minutes", minutes, "maxEpochs", maxEpochs, "eta", eta));
        report.put("stoppedEarly", result.stoppedEarly());
        report.put("trials", result.trials().stream().map(t -> Map.of("id", t.id(), "bracket", t.bracket(),
                "epochs", t.epochs(), "validLoss", t.validLoss(), "validBalancedAccuracy",
                t.validBalancedAccuracy(), "seconds", t.duration().toSeconds(), "config",
                TrainingConfigFile.toMap(t.config()))).toList());
        report.put("best", TrainingConfigFile.toMap(result.best().config()));
        AtomicFiles.write(json, new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(report));
    }
}
