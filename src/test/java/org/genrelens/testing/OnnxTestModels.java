package org.genrelens.testing;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.genrelens.features.FeatureSpec;
import org.genrelens.inference.ModelCard;

/**
 * Builds small ONNX graphs with correct cards so that tests and the benchmark run real ONNX Runtime sessions
 * before a trained model exists. Every graph takes {@code tiles: float[batch, C, H, W]} shaped by the
 * FeatureSpec (batch symbolic) and ends in Softmax, giving {@code probabilities: float[batch, labels]}.
 * Each writer puts {@code <name>.onnx} and {@code <name>.card.json} into {@code dir} and returns the .onnx path.
 */
public final class OnnxTestModels {

    public static final String INPUT = "tiles";
    public static final String OUTPUT = "probabilities";
    public static final int OPSET = 17;
    private static final int IR_VERSION = 8;
    private static final int FLOAT = TensorProto.DataType.FLOAT.getNumber();

    private OnnxTestModels() {
    }

    /**
     * GlobalAveragePool → Flatten → Gemm → Softmax: window probabilities are
     * {@code softmax(weights · channelMeans + bias)}, easy to compute by hand.
     *
     * @param weights {@code [labels][channels]}
     * @param bias    {@code [labels]}
     */
    public static Path writeLinearModel(Path dir, String name, FeatureSpec spec, List<String> labels,
            float[][] weights, float[] bias) throws IOException {
        int channels = spec.channels();
        requireMatrix(weights, labels.size(), channels, "weights");
        if (bias.length != labels.size()) {
            throw new IllegalArgumentException("bias needs " + labels.size() + " entries, got " + bias.length);
        }
        Graph g = new Graph(name, spec, labels.size());
        String pooled = g.node("GlobalAveragePool", List.of(INPUT));
        String flat = g.node("Flatten", List.of(pooled), intAttr("axis", 1));
        String logits = g.node("Gemm", List.of(flat, g.initializer("W", weights), g.initializer("B", bias)),
                intAttr("transB", 1));
        g.softmax(logits);
        return write(dir, name, g.model(), spec, labels, Map.of("architecture", "linear on channel means"));
    }

    /** {@link #writeBandEnergyModel(Path, String, FeatureSpec, List, float)} with a gain of 8. */
    public static Path writeBandEnergyModel(Path dir, String name, FeatureSpec spec, List<String> labels)
            throws IOException {
        return writeBandEnergyModel(dir, name, spec, labels, 8f);
    }

    /**
     * ReduceMean over time → Flatten → Gemm → Softmax: label {@code k} scores the mean of the {@code k}-th of
     * {@code labels.size()} equal slices of the tile's rows (row 0 first, which holds the lowest frequencies),
     * times {@code gain}. A tile with its energy low in frequency gets the first label, high gets the last.
     */
    public static Path writeBandEnergyModel(Path dir, String name, FeatureSpec spec, List<String> labels,
            float gain) throws IOException {
        int rows = spec.channels() * spec.height();
        int height = spec.height();
        int bands = labels.size();
        if (bands > height) {
            throw new IllegalArgumentException("need at least one row per label: " + bands + " > " + height);
        }
        float[][] weights = new float[bands][rows];
        for (int c = 0; c < spec.channels(); c++) {
            for (int k = 0; k < bands; k++) {
                int from = k * height / bands;
                int to = (k + 1) * height / bands;
                for (int r = from; r < to; r++) {
                    weights[k][c * height + r] = gain / ((to - from) * spec.channels());
                }
            }
        }
        Graph g = new Graph(name, spec, bands);
        String overTime = g.node("ReduceMean", List.of(INPUT), intsAttr("axes", 3), intAttr("keepdims", 0));
        String flat = g.node("Flatten", List.of(overTime), intAttr("axis", 1));
        String logits = g.node("Gemm", List.of(flat, g.initializer("W", weights),
                g.initializer("B", new float[bands])), intAttr("transB", 1));
        g.softmax(logits);
        return write(dir, name, g.model(), spec, labels,
                Map.of("architecture", "band energy", "gain", (double) gain));
    }

    /**
     * A representative genre CNN with seeded random weights: per entry of {@code channels} one block
     * Conv 3×3 pad 1 → BatchNormalization → Relu → MaxPool 2×2, then GlobalAveragePool → Flatten → Gemm →
     * Softmax.
     */
    public static Path writeCnn(Path dir, String name, FeatureSpec spec, List<String> labels, int[] channels,
            long seed) throws IOException {
        Random random = new Random(seed);
        Graph g = new Graph(name, spec, labels.size());
        String x = INPUT;
        int in = spec.channels();
        for (int b = 0; b < channels.length; b++) {
            int out = channels[b];
            float heScale = (float) Math.sqrt(2.0 / (in * 9));
            String w = g.initializer("conv" + b + ".W", new long[] {out, in, 3, 3},
                    gaussian(random, out * in * 9, 0f, heScale));
            String bias = g.initializer("conv" + b + ".B", new long[] {out}, gaussian(random, out, 0f, 0.01f));
            x = g.node("Conv", List.of(x, w, bias), intsAttr("kernel_shape", 3, 3), intsAttr("pads", 1, 1, 1, 1));
            float[] variance = gaussian(random, out, 0f, 0.1f);
            for (int i = 0; i < out; i++) {
                variance[i] = 1f + Math.abs(variance[i]);
            }
            x = g.node("BatchNormalization", List.of(x,
                    g.initializer("bn" + b + ".scale", new long[] {out}, gaussian(random, out, 1f, 0.1f)),
                    g.initializer("bn" + b + ".bias", new long[] {out}, gaussian(random, out, 0f, 0.1f)),
                    g.initializer("bn" + b + ".mean", new long[] {out}, gaussian(random, out, 0f, 0.1f)),
                    g.initializer("bn" + b + ".var", new long[] {out}, variance)),
                    floatAttr("epsilon", 1e-5f));
            x = g.node("Relu", List.of(x));
            x = g.node("MaxPool", List.of(x), intsAttr("kernel_shape", 2, 2), intsAttr("strides", 2, 2));
            in = out;
        }
        String pooled = g.node("GlobalAveragePool", List.of(x));
        String flat = g.node("Flatten", List.of(pooled), intAttr("axis", 1));
        String dense = g.initializer("fc.W", new long[] {labels.size(), in},
                gaussian(random, labels.size() * in, 0f, (float) Math.sqrt(3.0 / in)));
        String denseBias = g.initializer("fc.B", new long[] {labels.size()}, new float[labels.size()]);
        String logits = g.node("Gemm", List.of(flat, dense, denseBias), intAttr("transB", 1));
        g.softmax(logits);
        Map<String, Object> modelSpec = new LinkedHashMap<>();
        modelSpec.put("architecture", "cnn: [conv3x3-bn-relu-maxpool2] per block, gap, dense, softmax");
        modelSpec.put("channels", Arrays.stream(channels).boxed().toList());
        modelSpec.put("seed", seed);
        return write(dir, name, g.model(), spec, labels, modelSpec);
    }

    /** Writes any graph as {@code dir/name.onnx} with a correct card beside it. */
    public static Path write(Path dir, String name, ModelProto model, FeatureSpec spec, List<String> labels,
            Map<String, Object> modelSpec) throws IOException {
        Files.createDirectories(dir);
        Path onnx = dir.resolve(name + ".onnx");
        Files.write(onnx, model.toByteArray());
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("data", "none: synthetic test graph");
        provenance.put("generator", OnnxTestModels.class.getName());
        provenance.put("opset", OPSET);
        provenance.put("java", System.getProperty("java.version"));
        ModelCard.describe(onnx, name, labels, spec, provenance, modelSpec, Map.of())
                .write(ModelCard.cardPathFor(onnx));
        return onnx;
    }

    private static float[] gaussian(Random random, int n, float mean, float std) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) (mean + std * random.nextGaussian());
        }
        return out;
    }

    private static void requireMatrix(float[][] m, int rows, int cols, String what) {
        if (m.length != rows || Arrays.stream(m).anyMatch(r -> r.length != cols)) {
            throw new IllegalArgumentException(what + " must be [" + rows + "][" + cols + "]");
        }
    }

    private static AttributeProto intAttr(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value)
                .build();
    }

    private static AttributeProto intsAttr(String name, long... values) {
        AttributeProto.Builder b = AttributeProto.newBuilder().setName(name)
                .setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            b.addInts(v);
        }
        return b.build();
    }

    private static AttributeProto floatAttr(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value)
                .build();
    }

    /** A graph under construction: names nodes and outputs so callers only chain them. */
    private static final class Graph {
        private final GraphProto.Builder graph = GraphProto.newBuilder();
        private int counter;

        Graph(String name, FeatureSpec spec, int labels) {
            graph.setName(name);
            long[] shape = spec.inputShape();
            graph.addInput(tensorValue(INPUT, shape));
            graph.addOutput(tensorValue(OUTPUT, new long[] {-1, labels}));
        }

        String node(String op, List<String> inputs, AttributeProto... attributes) {
            return node(op, inputs, op.toLowerCase() + "_" + counter++, attributes);
        }

        private String node(String op, List<String> inputs, String output, AttributeProto... attributes) {
            NodeProto.Builder node = NodeProto.newBuilder().setOpType(op).setName(op + "_" + counter++)
                    .addAllInput(inputs).addOutput(output);
            for (AttributeProto a : attributes) {
                node.addAttribute(a);
            }
            graph.addNode(node);
            return output;
        }

        void softmax(String logits) {
            node("Softmax", List.of(logits), OUTPUT, intAttr("axis", 1));
        }

        String initializer(String name, float[][] matrix) {
            float[] flat = new float[matrix.length * matrix[0].length];
            for (int r = 0; r < matrix.length; r++) {
                System.arraycopy(matrix[r], 0, flat, r * matrix[0].length, matrix[0].length);
            }
            return initializer(name, new long[] {matrix.length, matrix[0].length}, flat);
        }

        String initializer(String name, float[] vector) {
            return initializer(name, new long[] {vector.length}, vector);
        }

        String initializer(String name, long[] dims, float[] values) {
            ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            bytes.asFloatBuffer().put(values);
            TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(FLOAT)
                    .setRawData(ByteString.copyFrom(bytes.array()));
            for (long d : dims) {
                t.addDims(d);
            }
            graph.addInitializer(t);
            return name;
        }

        ModelProto model() {
            return ModelProto.newBuilder().setIrVersion(IR_VERSION).setProducerName("genrelens-tests")
                    .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                    .setGraph(graph).build();
        }

        /** A float tensor value; -1 becomes the symbolic batch dimension. */
        private static ValueInfoProto tensorValue(String name, long[] shape) {
            TensorShapeProto.Builder dims = TensorShapeProto.newBuilder();
            for (long d : shape) {
                dims.addDim(d < 0 ? TensorShapeProto.Dimension.newBuilder().setDimParam("batch")
                        : TensorShapeProto.Dimension.newBuilder().setDimValue(d));
            }
            return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(
                    TypeProto.Tensor.newBuilder().setElemType(FLOAT).setShape(dims))).build();
        }
    }
}
