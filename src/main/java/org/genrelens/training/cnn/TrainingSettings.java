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

    public static TrainingSettings defaults() {
        return new TrainingSettings(40, 32, 1e-3, 1e-4, 8, 3, 0.5, 1e-5, true, Augmentation.standard(), 42L);
    }

    public TrainingSettings withMaxEpochs(int epochs) {
        return new TrainingSettings(epochs, batchSize, learningRate, weightDecay, earlyStoppingPatience,
                plateauPatience, plateauFactor, minLearningRate, classBalanced, augmentation, seed, statisticsWarmupEpochs, unfreezeRateFactor);
    }

    public TrainingSettings withLearningRate(double rate) {
        return new TrainingSettings(maxEpochs, batchSize, rate, weightDecay, earlyStoppingPatience,
                plateauPatience, plateauFactor, minLearningRate, classBalanced, augmentation, seed, statisticsWarmupEpochs, unfreezeRateFactor);
    }

    public TrainingSettings withStatisticsWarmup(int epochs, double rateFactor) {
        return new TrainingSettings(maxEpochs, batchSize, learningRate, weightDecay, earlyStoppingPatience,
                plateauPatience, plateauFactor, minLearningRate, classBalanced, augmentation, seed, epochs, rateFactor);
    }

    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(maxEpochs, batchSize, learningRate, weightDecay, earlyStoppingPatience,
                plateauPatience, plateauFactor, minLearningRate, classBalanced, augmentation, newSeed, statisticsWarmupEpochs, unfreezeRateFactor);
    }

    public TrainingSettings withAugmentation(Augmentation newAugmentation) {
        return new TrainingSettings(maxEpochs, batchSize, learningRate, weightDecay, earlyStoppingPatience,
                plateauPatience, plateauFactor, minLearningRate, classBalanced, newAugmentation, seed, statisticsWarmupEpochs, unfreezeRateFactor);
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
