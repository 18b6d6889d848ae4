package org.genrelens.training;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.genrelens.features.FeatureSpec;
import org.genrelens.training.baseline.BaselineTrainer;
import org.genrelens.training.card.TuningRecord;
import org.genrelens.training.cnn.ModelSpec;
import org.genrelens.training.cnn.PoolingType;
import org.genrelens.training.cnn.StatisticsPath;
import org.genrelens.training.cnn.TrainingSettings;
import org.genrelens.training.sampling.Augmentation;

/**
 * Everything that decides how a model is trained: the tiles, the network, the training settings, and, when a tuner
 * chose them, how. One recipe for `genrelens train` and the Train tab; {@link #defaults()} is the one place that
 * defines their defaults (decision record 16). Written and read by {@link TrainingConfigFile}.
 *
 * @param featureSpec how audio becomes tiles
 * @param network     the network; its input channels follow the FeatureSpec, its classes are set by the data when
 *                    training starts
 * @param settings    how it is trained
 * @param tuning      how the tuner chose this configuration, if it did
 */
public record TrainingConfig(FeatureSpec featureSpec, ModelSpec network, TrainingSettings settings,
        Optional<TuningRecord> tuning) {

    public TrainingConfig {
        Objects.requireNonNull(featureSpec, "featureSpec");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(tuning, "tuning");
        if (network.inputChannels() != featureSpec.channels()) {
            throw new IllegalArgumentException("the network takes " + network.inputChannels() + " channel(s) but "
                    + featureSpec.type() + " tiles have " + featureSpec.channels());
        }
        if (network.statistics().coefficients() > featureSpec.height()) {
            throw new IllegalArgumentException(network.statistics().coefficients() + " statistics coefficients need "
                    + "at least as many bands; the tiles have " + featureSpec.height());
        }
    }

    /**
     * The tiles a network trained from scratch gets unless told otherwise, the bundled statistics baseline's: 64 log-mel
     * bands, hop 1024 samples, 5 s windows every 2.5 s. Twelve times cheaper than the bundled network's, which
     * fine-tuning uses (decision record 16).
     */
    public static FeatureSpec defaultFeatureSpec() {
        return BaselineTrainer.BUNDLED_TILES;
    }

    /**
     * The defaults of every training, from the command line or the app: the baseline's tiles; a 4-block residual
     * network (8, 16, 32, 64 channels, dense 64, dropout 0.3) with a 40-coefficient statistics branch; Adam at
     * 1e-3, weight decay 1e-4, up to 40 epochs, patience 8, random window offsets (masks change the tile statistics
     * the branch was fitted on: decision record 16), the branch frozen for 5 epochs then joining at 0.3 of the rate;
     * seed 42.
     */
    public static TrainingConfig defaults() {
        FeatureSpec tiles = defaultFeatureSpec();
        ModelSpec network = new ModelSpec(tiles.channels(), 2, List.of(8, 16, 32, 64), 3, true, PoolingType.MAX, 64,
                0.3, new StatisticsPath(40, 0));
        TrainingSettings settings = new TrainingSettings(40, 32, 1e-3, 1e-4, 8, 3, 0.5, 1e-5, true,
                Augmentation.parts(List.of("offsets")), 42L, 5, 0.3);
        return new TrainingConfig(tiles, network, settings, Optional.empty());
    }

    public TrainingConfig withFeatureSpec(FeatureSpec newSpec) {
        ModelSpec adapted = new ModelSpec(newSpec.channels(), network.classes(), network.blockChannels(),
                network.kernelSize(), network.residual(), network.pooling(), network.denseWidth(), network.dropout(),
                network.statistics());
        return new TrainingConfig(newSpec, adapted, settings, tuning);
    }

    public TrainingConfig withNetwork(ModelSpec newNetwork) {
        return new TrainingConfig(featureSpec, newNetwork, settings, tuning);
    }

    public TrainingConfig withSettings(TrainingSettings newSettings) {
        return new TrainingConfig(featureSpec, network, newSettings, tuning);
    }

    public TrainingConfig withTuning(TuningRecord record) {
        return new TrainingConfig(featureSpec, network, settings, Optional.of(record));
    }

    /**
     * This configuration carrying {@code base}'s tuning record, if base has one, with every tuned choice that differs
     * from base named in it: an edited tuned configuration stays traceable to its tuning (and its tuning clips stay
     * out of the score a cross-validation reports) without passing for the tuner's winner.
     */
    public TrainingConfig withTuningOf(TrainingConfig base) {
        return new TrainingConfig(featureSpec, network, settings,
                base.tuning().map(record -> record.withChanged(changedChoices(base))));
    }

    /**
     * The configuration-file keys (such as "network.dropout") whose values differ from {@code other}'s. The epoch
     * limit is left out: a tuner does not choose it (Hyperband gives each trial its own).
     */
    public List<String> changedChoices(TrainingConfig other) {
        Map<String, Object> mine = choices(this);
        Map<String, Object> theirs = choices(other);
        return mine.keySet().stream().filter(key -> !Objects.equals(mine.get(key), theirs.get(key))).toList();
    }

    private static Map<String, Object> choices(TrainingConfig config) {
        Map<String, Object> file = TrainingConfigFile.toMap(config);
        Map<String, Object> flat = new LinkedHashMap<>();
        for (String section : List.of("featureSpec", "network", "training")) {
            ((Map<?, ?>) file.get(section)).forEach((key, value) -> flat.put(section + "." + key, value));
        }
        flat.remove("training.maxEpochs");
        return flat;
    }
}
