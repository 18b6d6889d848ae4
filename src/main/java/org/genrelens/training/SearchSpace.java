package org.genrelens.training;

import java.util.List;
import java.util.Random;
import org.genrelens.features.FeatureSpec;
import org.genrelens.features.FrequencyScale;
import org.genrelens.features.SpectrogramType;

/**
 * What the tuner may vary: learning rate (log-uniform), network size and shape, and the spectrogram — type MEL,
 * MULTI_STFT or STFT and its parameters (mel bands; the three window sizes of the multi-STFT; the STFT window
 * and frequency scale). Everything else comes from the base FeatureSpec (sample rate, 5 s windows, fMax, ...).
 */
public record SearchSpace(FeatureSpec base, List<SpectrogramType> types, List<Integer> melBands,
        List<List<Integer>> multiStftWindows, List<Integer> stftWindows, List<List<Integer>> blockChannels,
        double minLearningRate, double maxLearningRate) {

    public SearchSpace {
        types = List.copyOf(types);
        melBands = List.copyOf(melBands);
        multiStftWindows = List.copyOf(multiStftWindows);
        stftWindows = List.copyOf(stftWindows);
        blockChannels = List.copyOf(blockChannels);
        if (types.isEmpty() || blockChannels.isEmpty() || !(minLearningRate > 0 && minLearningRate <= maxLearningRate)) {
            throw new IllegalArgumentException("a search space needs types, channel choices and 0 < min <= max rate");
        }
    }

    /** The space the Train tab and `genrelens tune` use by default. */
    public static SearchSpace standard(FeatureSpec base) {
        return new SearchSpace(base, List.of(SpectrogramType.MEL, SpectrogramType.MULTI_STFT, SpectrogramType.STFT),
                List.of(64, 96, 128), List.of(List.of(512, 1024, 2048), List.of(256, 1024, 4096)),
                List.of(1024, 2048), List.of(List.of(8, 16, 32), List.of(16, 32, 64), List.of(16, 32, 64, 128),
                        List.of(24, 48, 96, 192)), 3e-4, 3e-3);
    }

    /** A random configuration for {@code classes} genres. */
    public TrialConfig sample(Random random, int classes) {
        FeatureSpec features = sampleFeatures(random);
        ModelSpec model = new ModelSpec(features.channels(), classes, pick(blockChannels, random),
                random.nextBoolean() ? 3 : 5, random.nextBoolean(), random.nextInt(4) == 0 ? PoolingType.AVG
                        : PoolingType.MAX, random.nextBoolean() ? 64 : 0, 0.2 + 0.3 * random.nextDouble());
        double logRate = Math.log(minLearningRate)
                + random.nextDouble() * (Math.log(maxLearningRate) - Math.log(minLearningRate));
        return new TrialConfig(features, model, Math.exp(logRate));
    }

    private FeatureSpec sampleFeatures(Random random) {
        SpectrogramType type = pick(types, random);
        List<Integer> ffts;
        int bands = base.bands();
        FrequencyScale scale = base.stftScale();
        switch (type) {
            case MEL -> {
                ffts = List.of(base.fftSizes().get(0));
                bands = pick(melBands, random);
            }
            case MULTI_STFT -> {
                ffts = pick(multiStftWindows, random);
                bands = pick(melBands, random);
            }
            default -> {
                ffts = List.of(pick(stftWindows, random));
                scale = FrequencyScale.LOG;
                bands = pick(melBands, random);
            }
        }
        return new FeatureSpec(type, base.sampleRate(), base.windowSeconds(), base.windowHopSeconds(), ffts,
                base.hopLength(), bands, base.fMin(), base.fMax(), scale, base.dbReference(), base.topDb(),
                base.normMean(), base.normStd());
    }

    private static <T> T pick(List<T> choices, Random random) {
        return choices.get(random.nextInt(choices.size()));
    }
}
