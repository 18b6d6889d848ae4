package org.genrelens.training.cnn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.genrelens.training.sampling.Augmentation;

/**
 * How a CNN is trained. Every value goes into the model card.
 *
 * @param earlyStoppingPatience epochs without a better validation loss before training stops
 * @param plateauPatience       epochs without improvement before the learning rate is reduced
 * @param plateauFactor         the reduction factor
 * @param classBalanced         each genre contributes the same number of windows per epoch
 * @param statisticsWarmupEpochs epochs the statistics branch stays frozen while the trunk learns (decision record
 *                              12); 0 = trained from the start. Unused by networks without the branch
 * @param unfreezeRateFactor    the learning rate is multiplied by this when the branch is unfrozen, in (0, 1]
 */
public record TrainingSettings(int maxEpochs, int batchSize, double learningRate, double weightDecay,
        int earlyStoppingPatience, int plateauPatience, double plateauFactor, double minLearningRate,
        boolean classBalanced, Augmentation augmentation, long seed, int statisticsWarmupEpochs,
        double unfreezeRateFactor) {

    /** Without a statistics warm-up. */
    public TrainingSettings(int maxEpochs, int batchSize, double learningRate, double weightDecay,
            int earlyStoppingPatience, int plateauPatience, double plateauFactor, double minLearningRate,
            boolean classBalanced, Augmentation augmentation, long seed) {
        this(maxEpochs, batchSize, learningRate, weightDecay, earlyStoppingPatience, plateauPatience, plateauFactor,
                minLearningRate, classBalanced, augmentation, seed, 0, 1.0);
    }

    public TrainingSettings {
        Objects.requireNonNull(augmentation, "augmentation");
        if (maxEpochs < 1 || batchSize < 1) {
            throw new IllegalArgumentException("maxEpochs and batchSize must be at least 1");
        }
        if (!(learningRate > 0) || weightDecay < 0 || minLearningRate < 0) {
            throw new IllegalArgumentException("learning rate must be positive, weight decay and minimum >= 0");
        }
        if (earlyStoppingPatience < 1 || plateauPatience < 1 || !(plateauFactor > 0 && plateauFactor < 1)) {
            throw new IllegalArgumentException("patiences must be >= 1 and the plateau factor in (0, 1)");
        }
        if (statisticsWarmupEpochs < 0 || !(unfreezeRateFactor > 0 && unfreezeRateFactor <= 1)) {
            throw new IllegalArgumentException("statisticsWarmupEpochs must be >= 0 and unfreezeRateFactor in (0, 1]");
        }
    }

    public TrainingSettings withMaxEpochs(int epochs) {
        return toBuilder().optMaxEpochs(epochs).build();
    }

    public TrainingSettings withLearningRate(double rate) {
        return toBuilder().optLearningRate(rate).build();
    }

    public TrainingSettings withStatisticsWarmup(int epochs, double rateFactor) {
        return toBuilder().optStatisticsWarmupEpochs(epochs).optUnfreezeRateFactor(rateFactor).build();
    }

    public TrainingSettings withSeed(long newSeed) {
        return toBuilder().optSeed(newSeed).build();
    }

    public TrainingSettings withAugmentation(Augmentation newAugmentation) {
        return toBuilder().optAugmentation(newAugmentation).build();
    }

    /** A builder holding these settings, to change some of them (DJL style: one optX per field). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Changes some settings of a given set; {@link #build()} validates the whole as the record does. */
    public static final class Builder {
        private int maxEpochs;
        private int batchSize;
        private double learningRate;
        private double weightDecay;
        private int earlyStoppingPatience;
        private int plateauPatience;
        private double plateauFactor;
        private double minLearningRate;
        private boolean classBalanced;
        private Augmentation augmentation;
        private long seed;
        private int statisticsWarmupEpochs;
        private double unfreezeRateFactor;

        private Builder(TrainingSettings from) {
            maxEpochs = from.maxEpochs;
            batchSize = from.batchSize;
            learningRate = from.learningRate;
            weightDecay = from.weightDecay;
            earlyStoppingPatience = from.earlyStoppingPatience;
            plateauPatience = from.plateauPatience;
            plateauFactor = from.plateauFactor;
            minLearningRate = from.minLearningRate;
            classBalanced = from.classBalanced;
            augmentation = from.augmentation;
            seed = from.seed;
            statisticsWarmupEpochs = from.statisticsWarmupEpochs;
            unfreezeRateFactor = from.unfreezeRateFactor;
        }

        public Builder optMaxEpochs(int value) {
            maxEpochs = value;
            return this;
        }

        public Builder optBatchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder optLearningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder optWeightDecay(double value) {
            weightDecay = value;
            return this;
        }

        /** Early-stopping patience; the plateau patience follows at half of it, at least 1. */
        public Builder optPatience(int value) {
            earlyStoppingPatience = value;
            plateauPatience = Math.max(1, value / 2);
            return this;
        }

        public Builder optAugmentation(Augmentation value) {
            augmentation = value;
            return this;
        }

        public Builder optSeed(long value) {
            seed = value;
            return this;
        }

        public Builder optStatisticsWarmupEpochs(int value) {
            statisticsWarmupEpochs = value;
            return this;
        }

        public Builder optUnfreezeRateFactor(double value) {
            unfreezeRateFactor = value;
            return this;
        }

        public TrainingSettings build() {
            return new TrainingSettings(maxEpochs, batchSize, learningRate, weightDecay, earlyStoppingPatience,
                    plateauPatience, plateauFactor, minLearningRate, classBalanced, augmentation, seed,
                    statisticsWarmupEpochs, unfreezeRateFactor);
        }
    }

    /** The part names a config file takes, or the full record for an augmentation made by hand. */
    private Object augmentationForCard() {
        try {
            return augmentation.partNames();
        } catch (IllegalStateException handMade) {
            return augmentation.toString();
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("optimizer", "adam");
        map.put("maxEpochs", maxEpochs);
        map.put("batchSize", batchSize);
        map.put("learningRate", learningRate);
        map.put("weightDecay", weightDecay);
        map.put("earlyStoppingPatience", earlyStoppingPatience);
        map.put("plateauPatience", plateauPatience);
        map.put("plateauFactor", plateauFactor);
        map.put("minLearningRate", minLearningRate);
        map.put("classBalanced", classBalanced);
        map.put("augmentation", augmentationForCard());
        map.put("seed", seed);
        map.put("statisticsWarmupEpochs", statisticsWarmupEpochs);
        map.put("unfreezeRateFactor", unfreezeRateFactor);
        return map;
    }
}
