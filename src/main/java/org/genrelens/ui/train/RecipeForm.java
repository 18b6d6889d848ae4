package org.genrelens.ui.train;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
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
 * Every setting of a {@link TrainingConfig} as form fields: filled from a configuration ({@link #show}: the defaults,
 * a tuner's winner, the model being fine-tuned) and read back into one ({@link #config}). The app has no defaults of
 * its own: the form starts from {@link TrainingConfig#defaults()}, as `genrelens train` does.
 */
public final class RecipeForm {

    private final ObjectProperty<SpectrogramType> spectrogramType = new SimpleObjectProperty<>();
    private final IntegerProperty bands = new SimpleIntegerProperty();
    private final IntegerProperty hopLength = new SimpleIntegerProperty();
    private final StringProperty channels = new SimpleStringProperty();
    private final IntegerProperty kernel = new SimpleIntegerProperty();
    private final BooleanProperty residual = new SimpleBooleanProperty();
    private final ObjectProperty<PoolingType> pooling = new SimpleObjectProperty<>();
    private final IntegerProperty dense = new SimpleIntegerProperty();
    private final DoubleProperty dropout = new SimpleDoubleProperty();
    private final IntegerProperty statistics = new SimpleIntegerProperty();
    private final IntegerProperty statisticsWidth = new SimpleIntegerProperty();
    private final DoubleProperty learningRate = new SimpleDoubleProperty();
    private final DoubleProperty weightDecay = new SimpleDoubleProperty();
    private final IntegerProperty epochs = new SimpleIntegerProperty();
    private final StringProperty augmentation = new SimpleStringProperty();
    private TrainingConfig shown;

    public RecipeForm() {
        show(TrainingConfig.defaults());
    }

    /** Fills every field from {@code config}. */
    public void show(TrainingConfig config) {
        shown = config;
        FeatureSpec tiles = config.featureSpec();
        spectrogramType.set(tiles.type());
        bands.set(tiles.bands());
        hopLength.set(tiles.hopLength());
        ModelSpec network = config.network();
        channels.set(String.join(",", network.blockChannels().stream().map(String::valueOf).toList()));
        kernel.set(network.kernelSize());
        residual.set(network.residual());
        pooling.set(network.pooling());
        dense.set(network.denseWidth());
        dropout.set(network.dropout());
        statistics.set(network.statistics().coefficients());
        statisticsWidth.set(network.statistics().width());
        TrainingSettings settings = config.settings();
        learningRate.set(settings.learningRate());
        weightDecay.set(settings.weightDecay());
        epochs.set(settings.maxEpochs());
        augmentation.set(String.join(",", settings.augmentation().partNames()));
    }

    /**
     * The configuration the fields describe; it keeps the tuning record of the configuration last shown, naming in it
     * every tuned choice the fields changed.
     *
     * @throws IllegalArgumentException saying which setting is not valid
     */
    public TrainingConfig config() {
        FeatureSpec tiles = tiles(shown.featureSpec());
        ModelSpec network = new ModelSpec(tiles.channels(), 2, channelList(), kernel.get(), residual.get(),
                pooling.get(), dense.get(), dropout.get(), new StatisticsPath(statistics.get(),
                statisticsWidth.get()));
        TrainingSettings settings = shown.settings().toBuilder().optMaxEpochs(epochs.get())
                .optLearningRate(learningRate.get()).optWeightDecay(weightDecay.get())
                .optAugmentation(augmentationParts()).build();
        return new TrainingConfig(tiles, network, settings, Optional.empty()).withTuningOf(shown);
    }

    private FeatureSpec tiles(FeatureSpec base) {
        SpectrogramType type = spectrogramType.get();
        boolean sameType = type == base.type();
        List<Integer> ffts = sameType ? base.fftSizes()
                : type == SpectrogramType.MULTI_STFT ? List.of(512, 1024, 2048) : List.of(1024);
        FrequencyScale scale = sameType ? base.stftScale()
                : type == SpectrogramType.STFT ? FrequencyScale.LOG : FrequencyScale.LINEAR;
        return new FeatureSpec(type, base.sampleRate(), base.windowSeconds(), base.windowHopSeconds(), ffts,
                hopLength.get(), bands.get(), base.fMin(), base.fMax(), scale, base.dbReference(), base.topDb(),
                base.normMean(), base.normStd());
    }

    private List<Integer> channelList() {
        try {
            return Arrays.stream(channels.get().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("channels must be whole numbers separated by commas, e.g. 8,16,32,64",
                    e);
        }
    }

    private Augmentation augmentationParts() {
        List<String> names = Arrays.stream(augmentation.get().split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        return Augmentation.parts(names.isEmpty() ? List.of("none") : names);
    }

    public ObjectProperty<SpectrogramType> spectrogramTypeProperty() { return spectrogramType; }
    public IntegerProperty bandsProperty() { return bands; }
    public IntegerProperty hopLengthProperty() { return hopLength; }
    public StringProperty channelsProperty() { return channels; }
    public IntegerProperty kernelProperty() { return kernel; }
    public BooleanProperty residualProperty() { return residual; }
    public ObjectProperty<PoolingType> poolingProperty() { return pooling; }
    public IntegerProperty denseProperty() { return dense; }
    public DoubleProperty dropoutProperty() { return dropout; }
    public IntegerProperty statisticsProperty() { return statistics; }
    public IntegerProperty statisticsWidthProperty() { return statisticsWidth; }
    public DoubleProperty learningRateProperty() { return learningRate; }
    public DoubleProperty weightDecayProperty() { return weightDecay; }
    public IntegerProperty epochsProperty() { return epochs; }
    public StringProperty augmentationProperty() { return augmentation; }
}
