package org.genrelens.training;

import static org.genrelens.training.OnnxGraphBuilder.integer;
import static org.genrelens.training.OnnxGraphBuilder.ints;
import static org.genrelens.training.OnnxGraphBuilder.real;

import ai.onnx.proto.OnnxMl.ModelProto;
import java.util.List;
import java.util.function.Function;
import org.genrelens.training.CnnLayout.NamedParameter;

/**
 * The ONNX graph of a {@link ModelSpec}, in eval-mode semantics: BatchNormalization with the running
 * statistics and no Dropout. Node for node what {@link CnnBuilder} builds; the exporter writes it and the
 * importer rebuilds it to check that a file was written for the spec it is loaded into.
 */
final class CnnGraph {

    static final String INPUT = StatisticsModelWriter.INPUT;
    static final String OUTPUT = StatisticsModelWriter.OUTPUT;
    static final String GRAPH_NAME = "genre-cnn";

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
        cnn.nodes();
        cnn.graph.output(OUTPUT, -1, spec.classes());
        return cnn.graph.build();
    }

    private void nodes() {
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
        String logits = gemm(x, CnnLayout.CLASSIFIER);
        graph.node("Softmax", new String[] {logits}, OUTPUT, integer("axis", 1));
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
