package org.genrelens.training.tuning;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.FrequencyScale;
import org.genrelens.features.SpectrogramType;
import org.genrelens.training.TrainingConfig;
import org.genrelens.training.cnn.ModelSpec;
import org.genrelens.training.cnn.PoolingType;
import org.genrelens.training.cnn.StatisticsPath;
import org.genrelens.training.cnn.TrainingSettings;
import org.genrelens.training.sampling.Augmentation;

/**
 * What the tuner may vary (decision record 16): the spectrogram (type; mel or log bands; the three windows of the
 * multi-STFT, the STFT window; the hop), the network (trunk widths, kernel, residual, pooling, dense width, dropout,
 * the statistics branch and its width), the learning rate and weight decay (log-uniform) and the augmentation set.
 * Everything else comes from {@code base}, the configuration a plain {@code train} would use. Only configurations
 * whose trunk costs at most {@code maxCostFactor} times the base configuration's multiply-adds per tile
 * ({@link TrainingCost}) are drawn: a winner must train on a laptop (issue 10: an epoch over GTZAN's 1,000 clips
 * within 2 minutes on 2 cores).
 */
public record SearchSpace(TrainingConfig base, List<SpectrogramType> types, List<Integer> bands,
        List<List<Integer>> multiStftWindows, List<Integer> stftWindows, List<Integer> hopLengths,
        List<List<Integer>> blockChannels, List<Integer> kernels, List<Integer> denseWidths,
        List<Integer> statisticsCoefficients, List<Integer> statisticsWidths, double minDropout, double maxDropout,
        double minLearningRate, double maxLearningRate, double minWeightDecay, double maxWeightDecay,
        List<List<String>> augmentations, double maxCostFactor) {

    /** Draws tried before a space is declared to have no configuration within its cost. */
    private static final int DRAWS = 10_000;

    /**
     * The most a standard search's trunk may cost per tile, as a multiple of the defaults' (decision record 16): the
     * defaults fine-tune in 64 s per epoch over 1,000 clips on the 2-core VM (README), and a trunk of 21 times their
     * multiply-adds took 26 s per epoch over 197 clips, about 130 s over 1,000.
     */
    public static final double LAPTOP_COST_FACTOR = 12;

    /** A space without a cost limit. */
    public SearchSpace(TrainingConfig base, List<SpectrogramType> types, List<Integer> bands,
            List<List<Integer>> multiStftWindows, List<Integer> stftWindows, List<Integer> hopLengths,
            List<List<Integer>> blockChannels, List<Integer> kernels, List<Integer> denseWidths,
            List<Integer> statisticsCoefficients, List<Integer> statisticsWidths, double minDropout, double maxDropout,
            double minLearningRate, double maxLearningRate, double minWeightDecay, double maxWeightDecay,
            List<List<String>> augmentations) {
        this(base, types, bands, multiStftWindows, stftWindows, hopLengths, blockChannels, kernels, denseWidths,
                statisticsCoefficients, statisticsWidths, minDropout, maxDropout, minLearningRate, maxLearningRate,
                minWeightDecay, maxWeightDecay, augmentations, Double.POSITIVE_INFINITY);
    }

    public SearchSpace {
        if (!(maxCostFactor > 0)) {
            throw new IllegalArgumentException("the cost limit must be positive, was " + maxCostFactor);
        }
        types = List.copyOf(types);
        bands = List.copyOf(bands);
        multiStftWindows = List.copyOf(multiStftWindows);
        stftWindows = List.copyOf(stftWindows);
        hopLengths = List.copyOf(hopLengths);
        blockChannels = List.copyOf(blockChannels);
        kernels = List.copyOf(kernels);
        denseWidths = List.copyOf(denseWidths);
        statisticsCoefficients = List.copyOf(statisticsCoefficients);
        statisticsWidths = List.copyOf(statisticsWidths);
        augmentations = List.copyOf(augmentations);
        for (List<?> axis : List.of(types, bands, hopLengths, blockChannels, kernels, denseWidths,
                statisticsCoefficients, statisticsWidths, augmentations)) {
            if (axis.isEmpty()) {
                throw new IllegalArgumentException("every axis of a search space needs at least one choice");
            }
        }
        if (types.contains(SpectrogramType.MULTI_STFT) && multiStftWindows.isEmpty()
                || types.contains(SpectrogramType.STFT) && stftWindows.isEmpty()) {
            throw new IllegalArgumentException("MULTI_STFT and STFT need their window choices");
        }
        if (!(minLearningRate > 0 && minLearningRate <= maxLearningRate) || !(minWeightDecay > 0
                && minWeightDecay <= maxWeightDecay) || !(minDropout >= 0 && minDropout <= maxDropout
                && maxDropout < 1)) {
            throw new IllegalArgumentException("need 0 < min <= max for the rate and weight decay, "
                    + "0 <= min <= max < 1 for dropout");
        }
        augmentations.forEach(Augmentation::parts); // refuses unknown names now, not mid-search
    }

    /**
     * The space `genrelens tune` and the Train tab search by default, around {@code base}. Every network has a
     * statistics branch: in two tunings no trial without one came within 0.3 of the best validation loss on the
     * tuning clips, and their trials crowded out the ones that compete (decision record 16).
     */
    public static SearchSpace standard(TrainingConfig base) {
        return new SearchSpace(base, List.of(SpectrogramType.MEL, SpectrogramType.MULTI_STFT, SpectrogramType.STFT),
                List.of(64, 96, 128), List.of(List.of(512, 1024, 2048), List.of(256, 1024, 4096)),
                List.of(1024, 2048), List.of(512, 1024),
                List.of(List.of(8, 16, 32), List.of(8, 16, 32, 64), List.of(16, 32, 64), List.of(16, 32, 64, 128),
                        List.of(24, 48, 96, 192)),
                List.of(3, 5), List.of(0, 64, 128), List.of(20, 40), List.of(0, 0, 64), 0.1, 0.5, 3e-4, 3e-3,
                1e-5, 1e-3, List.of(List.of("offsets"), List.of("offsets", "masks"),
                        List.of("offsets", "masks", "mixup"), List.of("offsets", "masks", "lowpass", "gain")),
                LAPTOP_COST_FACTOR);
    }

    /** A random configuration for {@code classes} genres, within the space's cost. */
    public TrainingConfig sample(Random random, int classes) {
        double limit = maxCostFactor * TrainingCost.multiplyAdds(base);
        for (int draw = 0; draw < DRAWS; draw++) {
            TrainingConfig config = draw(random, classes);
            if (TrainingCost.multiplyAdds(config) <= limit) {
                return config;
            }
        }
        throw new IllegalArgumentException("no configuration of this search space costs at most " + maxCostFactor
                + " times the base configuration's multiply-adds per tile");
    }

    private TrainingConfig draw(Random random, int classes) {
        FeatureSpec features = sampleFeatures(random);
        int coefficients = Math.min(pick(statisticsCoefficients, random), features.height());
        int width = coefficients == 0 ? 0 : pick(statisticsWidths, random);
        int dense = pick(denseWidths, random);
        ModelSpec network = new ModelSpec(features.channels(), classes, pick(blockChannels, random),
                pick(kernels, random), random.nextBoolean(), random.nextInt(4) == 0 ? PoolingType.AVG : PoolingType.MAX,
                dense, minDropout + (maxDropout - minDropout) * random.nextDouble(),
                new StatisticsPath(coefficients, width));
        TrainingSettings settings = base.settings().toBuilder()
                .optLearningRate(logUniform(random, minLearningRate, maxLearningRate))
                .optWeightDecay(logUniform(random, minWeightDecay, maxWeightDecay))
                .optAugmentation(Augmentation.parts(pick(augmentations, random))).build();
        return new TrainingConfig(features, network, settings, java.util.Optional.empty());
    }

    /** The space in a line, for the tuning record in a card. */
    public String describe() {
        return String.format(Locale.ROOT, "types %s; bands %s; multi-STFT windows %s; STFT windows %s; hops %s; "
                        + "trunks %s; kernels %s; dense %s; statistics coefficients %s, widths %s; dropout %.2f-%.2f; "
                        + "learning rate %.0e-%.0e and weight decay %.0e-%.0e log-uniform; augmentation %s; trunks up to "
                        + "%.0f times the base's multiply-adds per tile",
                types, bands, multiStftWindows, stftWindows, hopLengths, blockChannels, kernels, denseWidths,
                statisticsCoefficients, statisticsWidths, minDropout, maxDropout, minLearningRate, maxLearningRate,
                minWeightDecay, maxWeightDecay, augmentations, maxCostFactor);
    }

    /** Every spectrogram the space can draw, in a fixed order: type, then bands, windows and hop. */
    public List<FeatureSpec> spectrograms() {
        List<FeatureSpec> all = new java.util.ArrayList<>();
        for (SpectrogramType type : types) {
            for (int band : bands) {
                for (List<Integer> ffts : windowChoices(type)) {
                    for (int hop : hopLengths) {
                        all.add(features(type, ffts, hop, band));
                    }
                }
            }
        }
        return all;
    }

    /**
     * This space with the spectrogram and the statistics branch's coefficients fixed: what is left for the network
     * search once the statistics-first stage has chosen them (decision record 16).
     */
    public SearchSpace withSpectrogram(FeatureSpec spectrogram, int coefficients) {
        TrainingConfig narrowedBase = base.withFeatureSpec(spectrogram);
        List<List<Integer>> multi = spectrogram.type() == SpectrogramType.MULTI_STFT
                ? List.of(spectrogram.fftSizes()) : multiStftWindows;
        List<Integer> stft = spectrogram.type() == SpectrogramType.STFT ? spectrogram.fftSizes() : stftWindows;
        // the cost limit stays relative to the original base, not to the narrowed one
        double factor = maxCostFactor * TrainingCost.multiplyAdds(base) / TrainingCost.multiplyAdds(narrowedBase);
        return new SearchSpace(narrowedBase, List.of(spectrogram.type()), List.of(spectrogram.bands()), multi, stft,
                List.of(spectrogram.hopLength()), blockChannels, kernels, denseWidths, List.of(coefficients),
                statisticsWidths, minDropout, maxDropout, minLearningRate, maxLearningRate, minWeightDecay,
                maxWeightDecay, augmentations, factor);
    }

    private List<List<Integer>> windowChoices(SpectrogramType type) {
        FeatureSpec b = base.featureSpec();
        return switch (type) {
            case MEL -> List.of(List.of(b.type() == SpectrogramType.MEL ? b.fftSizes().get(0) : 1024));
            case MULTI_STFT -> multiStftWindows;
            default -> stftWindows.stream().map(List::of).toList();
        };
    }

    private FeatureSpec features(SpectrogramType type, List<Integer> ffts, int hop, int band) {
        FeatureSpec b = base.featureSpec();
        FrequencyScale scale = type == SpectrogramType.STFT ? FrequencyScale.LOG : b.stftScale();
        return new FeatureSpec(type, b.sampleRate(), b.windowSeconds(), b.windowHopSeconds(), ffts, hop, band,
                b.fMin(), b.fMax(), scale, b.dbReference(), b.topDb(), b.normMean(), b.normStd());
    }

    private FeatureSpec sampleFeatures(Random random) {
        SpectrogramType type = pick(types, random);
        List<List<Integer>> choices = windowChoices(type);
        // a mel spectrogram's one window is not drawn, so a seed draws what it drew before the stages existed
        List<Integer> ffts = type == SpectrogramType.MEL ? choices.get(0) : pick(choices, random);
        return features(type, ffts, pick(hopLengths, random), pick(bands, random));
    }

    private static double logUniform(Random random, double min, double max) {
        return Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
    }

    private static <T> T pick(List<T> choices, Random random) {
        return choices.get(random.nextInt(choices.size()));
    }
}
