package org.genrelens.training.cnn;

import ai.djl.nn.Block;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Where a freshly initialised network's weights come from: its own random init, or an existing model. */
@FunctionalInterface
public interface WeightSource {

    /** Keep the seeded random initialisation. */
    WeightSource RANDOM = (block, spec) -> { };

    void apply(Block block, ModelSpec spec);

    /**
     * Fine-tuning: start from a model this project exported; with {@code newHead} the output layer stays freshly
     * initialised (a new label set).
     */
    static WeightSource fromOnnx(Path onnx, boolean newHead) {
        return (block, spec) -> {
            try {
                OnnxWeightImporter.load(onnx, block, spec, newHead);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start from " + onnx + ": " + e.getMessage(), e);
            }
        };
    }
}
