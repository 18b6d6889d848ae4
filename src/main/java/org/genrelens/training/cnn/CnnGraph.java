package org.genrelens.training.cnn;

import static org.genrelens.training.onnx.OnnxGraphBuilder.integer;
import static org.genrelens.training.onnx.OnnxGraphBuilder.ints;
import static org.genrelens.training.onnx.OnnxGraphBuilder.real;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.List;
import java.util.function.Function;
import org.genrelens.training.baseline.StatisticsModelWriter;
import org.genrelens.training.baseline.TileStatistics;
import org.genrelens.training.cnn.CnnLayout.NamedParameter;
import org.genrelens.training.onnx.OnnxGraphBuilder;

/**
 * The ONNX graph of a {@link ModelSpec}, in eval-mode semantics: BatchNormalization with the running
 * statistics and no Dropout. Node for node what {@link CnnBuilder} builds; the exporter writes it and the
 * importer rebuilds it to check that a file was written for the spec it is loaded into.
 */
final class CnnGraph {

    static final String INPUT = StatisticsModelWriter.INPUT;
    static final String OUTPUT = StatisticsModelWriter.OUTPUT;
    static final String GRAPH_NAME = "genre-cnn";
    /** Graph constants, not weights: the importer skips initialisers with this prefix. */
    static final String CONSTANT_PREFIX = "constant.";
    private static final String CONSTANT_EPSILON = CONSTANT_PREFIX + "epsilon";
    private static final String CONSTANT_DIFFERENCE = CONSTANT_PREFIX + "difference";

    private final ModelSpec spec;
    private final OnnxGraphBuilder graph = new OnnxGraphBuilder(GRAPH_NAME);

    private CnnGraph(ModelSpec spec) {
        this.spec = spec;
    }

    /**
     * @param inputShape the tile input, batch first as -1
     * @param parameters the network's parameters as {@link CnnLayout} names them
     * @param values     the values of one parameter, laid out row-major in its expected shape
     */
    static ModelProto build(ModelSpec spec, long[] inputShape, List<NamedParameter> parameters,
            Function<NamedParameter, float[]> values) {
        CnnGraph cnn = new CnnGraph(spec);
        cnn.graph.input(INPUT, inputShape);
        for (NamedParameter parameter : parameters) {
            cnn.graph.initializer(parameter.name(), values.apply(parameter), parameter.expectedShape());
        }
        cnn.nodes(inputShape);
        cnn.graph.output(OUTPUT, -1, spec.classes());
        return cnn.graph.build();
    }

    private void nodes(long[] inputShape) {
        String logits = gemm(trunk(), CnnLayout.CLASSIFIER);
        if (spec.statistics().present()) {
            String statistics = gemm(statistics(inputShape), CnnLayout.STATISTICS_HEAD);
            graph.node("Add", new String[] {logits, statistics}, "logits");
            logits = "logits";
        }
        graph.node("Softmax", new String[] {logits}, OUTPUT, integer("axis", 1));
    }

    /** The convolutional trunk up to the classifier's input. */
    private String trunk() {
        String x = INPUT;
        int in = spec.inputChannels();
        int k = spec.kernelSize();
        for (int i = 0; i < spec.blockChannels().size(); i++) {
            int out = spec.blockChannels().get(i);
            String prefix = CnnLayout.blockPrefix(i);
            String y = relu(batchNorm(conv(x, prefix + ".conv1", k), prefix + ".bn1"), prefix + ".relu1");
            if (spec.residual()) {
                y = batchNorm(conv(y, prefix + ".conv2", k), prefix + ".bn2");
                String shortcut = in == out
                        ? x
                        : batchNorm(conv(x, prefix + ".shortcut.conv", 1), prefix + ".shortcut.bn");
                graph.node("Add", new String[] {y, shortcut}, prefix + ".sum");
                y = relu(prefix + ".sum", prefix + ".relu");
            }
            x = pool(y, prefix + ".pool");
            in = out;
        }
        graph.node("GlobalAveragePool", new String[] {x}, "pooled");
        graph.node("Flatten", new String[] {"pooled"}, "features", integer("axis", 1));
        x = "features";
        if (spec.denseWidth() > 0) {
            x = relu(gemm(x, CnnLayout.DENSE), CnnLayout.DENSE + ".relu");
        }
        return x;
    }

    /**
     * The statistics branch as {@link StatisticsBranch} computes it: frames · dctᵀ, deltas as a difference-matrix
     * product along the frames, two-pass mean and spread, the fixed standardisation, the optional dense layer.
     */
    private String statistics(long[] inputShape) {
        int frames = Math.toIntExact(inputShape[3]);
        String dct = CnnLayout.STATISTICS_DCT;
        float[] difference = new float[(frames - 1) * frames];
        for (int w = 0; w < frames - 1; w++) {
            difference[w * frames + w] = -1f;
            difference[w * frames + w + 1] = 1f;
        }
        graph.initializer(CONSTANT_EPSILON, new float[] {TileStatistics.VARIANCE_EPSILON}, 1)
                .initializer(CONSTANT_DIFFERENCE, difference, frames - 1, frames)
                .node("Transpose", new String[] {INPUT}, "statistics.frames", ints("perm", 0, 1, 3, 2))
                .node("Transpose", new String[] {dct + ".weight"}, dct + ".bandsFirst", ints("perm", 1, 0))
                .node("MatMul", new String[] {"statistics.frames", dct + ".bandsFirst"}, "statistics.cepstrum")
                .node("MatMul", new String[] {CONSTANT_DIFFERENCE, "statistics.cepstrum"}, "statistics.delta");
        meanAndSpread("statistics.cepstrum");
        meanAndSpread("statistics.delta");
        String standardiser = CnnLayout.STATISTICS_STANDARDISER;
        graph.node("Concat", new String[] {"statistics.cepstrum.mean", "statistics.cepstrum.spread",
                        "statistics.delta.mean", "statistics.delta.spread"}, "statistics.pooled", integer("axis", 1))
                .node("Sub", new String[] {"statistics.pooled", standardiser + ".mean"}, standardiser + ".centred")
                .node("Div", new String[] {standardiser + ".centred", standardiser + ".scale"}, standardiser);
        if (spec.statistics().width() > 0) {
            return relu(gemm(standardiser, CnnLayout.STATISTICS_DENSE), CnnLayout.STATISTICS_DENSE + ".relu");
        }
        return standardiser;
    }

    /** {@code x [B, C, frames, n]} → {@code x.mean, x.spread [B, C·n]} over the frames, two-pass. */
    private void meanAndSpread(String x) {
        graph.node("ReduceMean", new String[] {x}, x + ".meanKept", ints("axes", 2), integer("keepdims", 1))
                .node("Sub", new String[] {x, x + ".meanKept"}, x + ".centred")
                .node("Mul", new String[] {x + ".centred", x + ".centred"}, x + ".squares")
                .node("ReduceMean", new String[] {x + ".squares"}, x + ".variance", ints("axes", 2),
                        integer("keepdims", 1))
                .node("Add", new String[] {x + ".variance", CONSTANT_EPSILON}, x + ".varianceSafe")
                .node("Sqrt", new String[] {x + ".varianceSafe"}, x + ".spreadKept")
                .node("Flatten", new String[] {x + ".meanKept"}, x + ".mean", integer("axis", 1))
                .node("Flatten", new String[] {x + ".spreadKept"}, x + ".spread", integer("axis", 1));
    }

    private String conv(String x, String name, int kernel) {
        int pad = kernel / 2;
        graph.node("Conv", new String[] {x, name + ".weight"}, name, ints("kernel_shape", kernel, kernel),
                ints("pads", pad, pad, pad, pad), ints("strides", 1, 1));
        return name;
    }

    private String batchNorm(String x, String name) {
        graph.node("BatchNormalization",
                new String[] {x, name + ".gamma", name + ".beta", name + ".mean", name + ".var"}, name,
                real("epsilon", CnnBuilder.BATCH_NORM_EPSILON));
        return name;
    }

    private String relu(String x, String name) {
        graph.node("Relu", new String[] {x}, name);
        return name;
    }

    private String pool(String x, String name) {
        String op = switch (spec.pooling()) {
            case MAX -> "MaxPool";
            case AVG -> "AveragePool";
        };
        graph.node(op, new String[] {x}, name, ints("kernel_shape", 2, 2), ints("strides", 2, 2));
        return name;
    }

    /** Dense layer: DJL's Linear weight is [out, in], so Gemm multiplies by its transpose. */
    private String gemm(String x, String name) {
        graph.node("Gemm", new String[] {x, name + ".weight", name + ".bias"}, name, integer("transB", 1));
        return name;
    }
}
