package org.genrelens.training.baseline;

import java.io.IOException;
import java.nio.file.Path;
import org.genrelens.features.FeatureSpec;
import org.genrelens.training.onnx.OnnxGraphBuilder;

/**
 * The ONNX graph of the statistics baseline: per-row mean and standard deviation over time (exactly
 * {@link TileStatistics}), then a linear layer and a softmax. Input {@code tiles [batch, C, H, W]}, output
 * {@code probabilities [batch, classes]}.
 */
public final class StatisticsModelWriter {

    public static final String INPUT = OnnxGraphBuilder.MODEL_INPUT;
    public static final String OUTPUT = OnnxGraphBuilder.MODEL_OUTPUT;

    private StatisticsModelWriter() {
    }

    public static void write(Path target, FeatureSpec spec, SoftmaxRegression.Fit fit) throws IOException {
        int classes = fit.bias().length;
        int features = TileStatistics.featureCount(spec.channels(), spec.height());
        if (fit.weights()[0].length != features) {
            throw new IllegalArgumentException("weights expect " + fit.weights()[0].length
                    + " features, tiles of this spec give " + features);
        }
        float[] weights = new float[classes * features];
        for (int k = 0; k < classes; k++) {
            System.arraycopy(fit.weights()[k], 0, weights, k * features, features);
        }
        long[] input = spec.inputShape();
        new OnnxGraphBuilder("genre-statistics-baseline")
                .input(INPUT, input)
                .initializer("epsilon", new float[] {TileStatistics.VARIANCE_EPSILON}, 1)
                .initializer("weights", weights, classes, features)
                .initializer("bias", fit.bias(), classes)
                .node("ReduceMean", new String[] {INPUT}, "mean", OnnxGraphBuilder.ints("axes", 3),
                        OnnxGraphBuilder.integer("keepdims", 1))
                .node("Sub", new String[] {INPUT, "mean"}, "centred")
                .node("Mul", new String[] {"centred", "centred"}, "squares")
                .node("ReduceMean", new String[] {"squares"}, "variance", OnnxGraphBuilder.ints("axes", 3),
                        OnnxGraphBuilder.integer("keepdims", 0))
                .node("Add", new String[] {"variance", "epsilon"}, "varianceSafe")
                .node("Sqrt", new String[] {"varianceSafe"}, "std")
                .node("Flatten", new String[] {"mean"}, "meanFlat", OnnxGraphBuilder.integer("axis", 1))
                .node("Flatten", new String[] {"std"}, "stdFlat", OnnxGraphBuilder.integer("axis", 1))
                .node("Concat", new String[] {"meanFlat", "stdFlat"}, "features", OnnxGraphBuilder.integer("axis", 1))
                .node("Gemm", new String[] {"features", "weights", "bias"}, "logits",
                        OnnxGraphBuilder.integer("transB", 1))
                .node("Softmax", new String[] {"logits"}, OUTPUT, OnnxGraphBuilder.integer("axis", 1))
                .output(OUTPUT, -1, classes)
                .write(target);
    }
}
