package org.genrelens.training.cnn;

import ai.djl.Model;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.genrelens.features.FeatureSpec;
import org.genrelens.inference.ModelCard;
import org.genrelens.training.card.FinalTraining;

/**
 * A trained network with its best epoch's weights restored, until it is exported and closed. Holds native
 * memory: close it.
 */
public final class TrainedModel implements AutoCloseable {

    private final Model model;
    private final Block block;
    private final ModelSpec spec;
    private final FeatureSpec featureSpec;
    private final List<String> labels;
    private final List<EpochReport> history;
    private final int bestEpoch;
    private final double bestValidLoss;
    private final double bestValidBalancedAccuracy;
    private final boolean cancelled;

    TrainedModel(Model model, Block block, ModelSpec spec, FeatureSpec featureSpec, List<String> labels,
            List<EpochReport> history, int bestEpoch, double bestValidLoss, double bestValidBalancedAccuracy,
            boolean cancelled) {
        this.model = model;
        this.block = block;
        this.spec = spec;
        this.featureSpec = featureSpec;
        this.labels = List.copyOf(labels);
        this.history = List.copyOf(history);
        this.bestEpoch = bestEpoch;
        this.bestValidLoss = bestValidLoss;
        this.bestValidBalancedAccuracy = bestValidBalancedAccuracy;
        this.cancelled = cancelled;
    }

    /** Writes the ONNX model and its card; the card's modelSpec also carries the training settings. */
    public ModelCard export(Path target, TrainingSettings settings, Map<String, Object> provenance,
            Map<String, Object> metrics) throws IOException {
        OnnxExporter.export(block, spec, featureSpec, target);
        Map<String, Object> modelSpec = new LinkedHashMap<>(spec.toMap());
        modelSpec.put("training", settings.toMap());
        new FinalTraining(bestEpoch, history.size()).writeTo(modelSpec);
        String name = target.getFileName().toString().replaceFirst("\\.onnx$", "");
        ModelCard card = ModelCard.describe(target, name, labels, featureSpec, provenance, modelSpec, metrics);
        card.write(ModelCard.cardPathFor(target));
        return card;
    }

    public Block block() {
        return block;
    }

    public ModelSpec spec() {
        return spec;
    }

    public List<String> labels() {
        return labels;
    }

    public List<EpochReport> history() {
        return history;
    }

    /** 0 when no epoch finished (cancelled before the first validation): the weights are the initial ones. */
    public int bestEpoch() {
        return bestEpoch;
    }

    public double bestValidLoss() {
        return bestValidLoss;
    }

    /** The best epoch's track-level balanced accuracy on the validation clips (epoch 0: the starting weights'). */
    public double bestValidBalancedAccuracy() {
        return bestValidBalancedAccuracy;
    }

    public boolean cancelled() {
        return cancelled;
    }

    @Override
    public void close() {
        model.close();
    }
}
