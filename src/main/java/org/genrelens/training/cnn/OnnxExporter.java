package org.genrelens.training.cnn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.onnx.proto.OnnxMl.ModelProto;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.genrelens.features.FeatureSpec;
import org.genrelens.inference.AtomicFiles;
import org.genrelens.training.cnn.CnnLayout.NamedParameter;
import org.genrelens.training.onnx.OnnxGraphBuilder;

/**
 * Writes a trained CNN as the ONNX model the classifier runs: opset {@value OnnxGraphBuilder#OPSET}, input
 * {@code tiles [batch, C, H, W]}, output {@code probabilities [batch, classes]} = Softmax(logits).
 */
public final class OnnxExporter {

    private OnnxExporter() {
    }

    /**
     * Writes the trained block as ONNX (opset 17, input "tiles" [batch, C, H, W] from featureSpec.inputShape(),
     * output "probabilities" [batch, classes] = Softmax(logits)), through {@link OnnxGraphBuilder}. Eval-mode
     * semantics: BatchNormalization with running stats, no dropout. The file is replaced in one move.
     *
     * @param trainedBlock an initialised network built by {@link CnnBuilder#build(ModelSpec)} for {@code spec}
     * @throws IllegalArgumentException if the block or the feature spec does not fit the model spec
     */
    public static void export(Block trainedBlock, ModelSpec spec, FeatureSpec featureSpec, Path target)
            throws IOException {
        Objects.requireNonNull(trainedBlock, "trainedBlock");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(featureSpec, "featureSpec");
        Objects.requireNonNull(target, "target");
        requireTilesFit(spec, featureSpec);
        List<NamedParameter> parameters = CnnLayout.parameters(spec, trainedBlock);
        ModelProto model = CnnGraph.build(spec, featureSpec.inputShape(), parameters, OnnxExporter::values);
        AtomicFiles.write(target, model.toByteArray());
    }

    private static void requireTilesFit(ModelSpec spec, FeatureSpec featureSpec) {
        if (featureSpec.channels() != spec.inputChannels()) {
            throw new IllegalArgumentException("the model takes " + spec.inputChannels()
                    + "-channel tiles but the feature spec makes " + featureSpec.channels()
                    + "-channel tiles; train with ModelSpec.inputChannels = FeatureSpec.channels()");
        }
        int side = spec.minimumTileSide();
        if (featureSpec.height() < side || featureSpec.framesPerWindow() < side) {
            throw new IllegalArgumentException("tiles of " + featureSpec.height() + "x"
                    + featureSpec.framesPerWindow() + " are too small for " + spec.blockChannels().size()
                    + " pooling blocks, which need at least " + side + "x" + side + "; use fewer blocks");
        }
    }

    private static float[] values(NamedParameter named) {
        Parameter parameter = named.parameter();
        if (!parameter.isInitialized()) {
            throw new IllegalArgumentException(named.name() + " is not initialised; train or initialise the "
                    + "block before exporting it");
        }
        long[] shape = parameter.getArray().getShape().getShape();
        if (!Arrays.equals(shape, named.expectedShape())) {
            throw new IllegalArgumentException(named.name() + " has shape " + Arrays.toString(shape)
                    + " but the model spec gives it " + Arrays.toString(named.expectedShape())
                    + "; export with the spec the block was built from");
        }
        return parameter.getArray().toFloatArray();
    }
}
