package org.genrelens.app.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.genrelens.features.FeatureSpec;
import org.genrelens.training.TrainingConfig;
import org.genrelens.training.TrainingConfigFile;
import org.genrelens.training.cnn.ModelSpec;
import org.genrelens.training.cnn.PoolingType;
import org.genrelens.training.cnn.StatisticsPath;
import org.genrelens.training.cnn.TrainingSettings;
import org.genrelens.training.sampling.Augmentation;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The training recipe's options: each one given replaces that value of the configuration the run starts from
 * ({@link TrainingConfig#defaults()}, a {@code --config} file, or the model being fine-tuned); options not given keep
 * it. Defaults are not repeated here, so the command line and the app cannot drift apart.
 */
public final class RecipeOptions {

    @Option(names = "--config", paramLabel = "FILE.json",
            description = "Start from this configuration (as `genrelens tune --out` writes it)")
    Path config;

    @Option(names = "--epochs", description = "Most epochs (early stopping may end sooner)")
    Integer epochs;

    @Option(names = "--lr", description = "Adam learning rate")
    Double learningRate;

    @Option(names = "--weight-decay", description = "Adam weight decay")
    Double weightDecay;

    @Option(names = "--batch", description = "Windows per training step")
    Integer batchSize;

    @Option(names = "--patience", description = "Epochs without a better validation score before stopping")
    Integer patience;

    @Option(names = "--no-augment", description = "Train without augmentation (same as --augment none)")
    boolean noAugmentation;

    @Option(names = "--augment", split = ",", paramLabel = "PART,...",
            description = "Augmentations to use: offsets, masks, lowpass, mixup, gain, or none")
    List<String> augmentations;

    @Option(names = "--seed", description = "Seed of splits, initialisation and sampling")
    Long seed;

    @Option(names = "--warmup-epochs", paramLabel = "N",
            description = "Epochs the statistics branch stays frozen while the trunk learns")
    Integer warmupEpochs;

    @Option(names = "--unfreeze-rate", paramLabel = "F",
            description = "Learning rate factor when the statistics branch joins")
    Double unfreezeRate;

    @Option(names = "--channels", split = ",", paramLabel = "C,C,...", description = "Channels per block")
    List<Integer> channels;

    @Option(names = "--kernel", description = "Convolution kernel size")
    Integer kernel;

    @Option(names = "--plain", description = "No residual connections")
    Boolean plain;

    @Option(names = "--pooling", paramLabel = "max|avg", description = "Pooling between blocks")
    String pooling;

    @Option(names = "--dense", description = "Hidden dense width; 0 = none")
    Integer dense;

    @Option(names = "--dropout", description = "Dropout before the output layer")
    Double dropout;

    @Option(names = "--statistics", paramLabel = "N",
            description = "Cepstral-statistics branch with N coefficients per channel; 0 = none (default 40, or "
                    + "the band count when the tiles have fewer bands)")
    Integer statistics;

    @Option(names = "--statistics-width", paramLabel = "W",
            description = "Hidden width of the statistics branch; 0 = straight to the classifier")
    Integer statisticsWidth;

    /** Whether an option that shapes the network was given. */
    boolean networkGiven() {
        return channels != null || kernel != null || plain != null || pooling != null || dense != null
                || dropout != null || statistics != null || statisticsWidth != null;
    }

    /** The configuration a run starts from, before the options: the --config file, or the defaults. */
    TrainingConfig base(CommandLine commandLine) {
        if (config == null) {
            return TrainingConfig.defaults();
        }
        try {
            return TrainingConfigFile.read(config);
        } catch (IOException | IllegalArgumentException e) {
            throw new ParameterException(commandLine, "--config: " + e.getMessage());
        }
    }

    /** {@code base} with its tiles replaced by {@code tiles} and every option that was given applied. */
    TrainingConfig apply(CommandLine commandLine, TrainingConfig base, FeatureSpec tiles) {
        try {
            return new TrainingConfig(tiles, network(base.network(), tiles), settings(base.settings()), Optional.empty())
                    .withTuningOf(base);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, e.getMessage());
        }
    }

    private ModelSpec network(ModelSpec base, FeatureSpec tiles) {
        StatisticsPath path = base.statistics();
        int coefficients = statistics != null ? statistics : Math.min(path.coefficients(), tiles.height());
        int width = statisticsWidth != null ? statisticsWidth : coefficients == 0 ? 0 : path.width();
        return new ModelSpec(tiles.channels(), base.classes(), channels != null ? channels : base.blockChannels(),
                kernel != null ? kernel : base.kernelSize(), plain != null ? !plain : base.residual(),
                pooling != null ? PoolingType.valueOf(pooling.toUpperCase(Locale.ROOT)) : base.pooling(),
                dense != null ? dense : base.denseWidth(), dropout != null ? dropout : base.dropout(),
                new StatisticsPath(coefficients, width));
    }

    private TrainingSettings settings(TrainingSettings s) {
        TrainingSettings.Builder settings = s.toBuilder();
        if (noAugmentation) {
            settings.optAugmentation(Augmentation.none());
        } else if (augmentations != null) {
            settings.optAugmentation(augmentationParts());
        }
        Optional.ofNullable(epochs).ifPresent(settings::optMaxEpochs);
        Optional.ofNullable(batchSize).ifPresent(settings::optBatchSize);
        Optional.ofNullable(learningRate).ifPresent(settings::optLearningRate);
        Optional.ofNullable(weightDecay).ifPresent(settings::optWeightDecay);
        Optional.ofNullable(patience).ifPresent(settings::optPatience);
        Optional.ofNullable(seed).ifPresent(settings::optSeed);
        Optional.ofNullable(warmupEpochs).ifPresent(settings::optStatisticsWarmupEpochs);
        Optional.ofNullable(unfreezeRate).ifPresent(settings::optUnfreezeRateFactor);
        return settings.build();
    }

    private Augmentation augmentationParts() {
        try {
            return Augmentation.parts(augmentations);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--augment: " + e.getMessage(), e);
        }
    }
}
