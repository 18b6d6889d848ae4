package org.genrelens.inference;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a genre graph's embedding, the layer before its head, and exposes it as a second output
 * ({@link #OUTPUT}) so one run gives both the probabilities and what a new head can be trained on (issue 12,
 * decision record 0022). The head is the set of final linear layers: walking back from the probability output
 * through Softmax and the ops that combine members or branches (Add, Mean, Sum, Mul, Div, Identity), every Gemm
 * met is a head layer and its input is part of the embedding; the parts are concatenated in the order met. A
 * graph with no such Gemm has no embedding and runs as it is.
 */
public final class EmbeddingTap {

    /** The name of the output this tap adds. */
    public static final String OUTPUT = "genrelens.embedding";

    private static final Set<String> COMBINING_OPS = Set.of("Softmax", "Add", "Mean", "Sum", "Mul", "Div",
            "Identity");

    private EmbeddingTap() {
    }

    /** A graph with the embedding output added, and the tensors it concatenates. */
    public record Tapped(byte[] model, List<String> parts) {
    }

    /** The model with {@link #OUTPUT} added, or empty when the graph's head is not a set of Gemm layers. */
    public static Optional<Tapped> tap(byte[] model) {
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(model);
        } catch (InvalidProtocolBufferException e) {
            return Optional.empty();
        }
        GraphProto graph = proto.getGraph();
        if (graph.getOutputCount() != 1) {
            return Optional.empty();
        }
        List<String> parts = headInputs(graph);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        GraphProto.Builder tapped = graph.toBuilder();
        tapped.addNode(NodeProto.newBuilder().setOpType("Concat").setName(OUTPUT).addAllInput(parts)
                .addOutput(OUTPUT).addAttribute(AttributeProto.newBuilder().setName("axis")
                        .setType(AttributeProto.AttributeType.INT).setI(1)));
        TensorShapeProto shape = TensorShapeProto.newBuilder()
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("batch"))
                .addDim(TensorShapeProto.Dimension.newBuilder().setDimParam("embedding")).build();
        tapped.addOutput(ValueInfoProto.newBuilder().setName(OUTPUT).setType(TypeProto.newBuilder()
                .setTensorType(TypeProto.Tensor.newBuilder().setElemType(TensorProto.DataType.FLOAT_VALUE)
                        .setShape(shape))));
        return Optional.of(new Tapped(proto.toBuilder().setGraph(tapped).build().toByteArray(), parts));
    }

    /** The inputs of the head's Gemm layers, in the order a depth-first walk from the output meets them. */
    public static List<String> headInputs(GraphProto graph) {
        Map<String, NodeProto> producers = new HashMap<>();
        for (NodeProto node : graph.getNodeList()) {
            for (String output : node.getOutputList()) {
                producers.put(output, node);
            }
        }
        List<String> parts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Deque<String> stack = new ArrayDeque<>();
        stack.push(graph.getOutput(0).getName());
        while (!stack.isEmpty()) {
            String tensor = stack.pop();
            NodeProto node = producers.get(tensor);
            if (node == null || !seen.add(tensor)) {
                continue;
            }
            if (node.getOpType().equals("Gemm")) {
                if (isTransposedInput(node)) {
                    return List.of();
                }
                if (!parts.contains(node.getInput(0))) {
                    parts.add(node.getInput(0));
                }
                continue;
            }
            if (!COMBINING_OPS.contains(node.getOpType())) {
                return List.of();
            }
            // Reverse so that the first input is walked first.
            for (int i = node.getInputCount() - 1; i >= 0; i--) {
                stack.push(node.getInput(i));
            }
        }
        return parts;
    }

    /** A Gemm whose first input is transposed does not take one row per window; not a head we can read. */
    private static boolean isTransposedInput(NodeProto gemm) {
        return gemm.getAttributeList().stream().anyMatch(a -> a.getName().equals("transA") && a.getI() != 0);
    }
}
