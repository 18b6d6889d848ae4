package org.genrelens.training.head;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genrelens.inference.AtomicFiles;
import org.genrelens.inference.EmbeddingTap;
import org.genrelens.inference.Familiarity;
import org.genrelens.inference.ModelCard;
import org.genrelens.training.baseline.SoftmaxRegression;
import org.genrelens.training.onnx.OnnxGraphBuilder;

/**
 * Writes a head as a model of its own: the base model's layers up to its embedding, unchanged, then the new
 * linear layer and Softmax over the user's genres, in one ONNX graph with its card. Applied to each window and
 * averaged, as every model is; the head was fitted on the windows' mean embedding, whose logits are the mean of
 * the windows' logits (decision record 0022).
 */
public final class HeadModelWriter {

    private HeadModelWriter() {
    }

    /** What the new model's card says about where it came from. */
    public record Provenance(String data, int tracks, String command) {
    }

    /** Writes {@code target} and its card; the base model must have an embedding ({@link EmbeddingTap}). */
    public static ModelCard write(Path baseModel, ModelCard baseCard, HeadTrainer.Outcome outcome,
            HeadTrainer.Settings settings, Provenance provenance, Path target) throws IOException {
        ModelProto base = ModelProto.parseFrom(Files.readAllBytes(baseModel));
        List<String> parts = EmbeddingTap.headInputs(base.getGraph());
        if (parts.isEmpty()) {
            throw new IllegalArgumentException(baseModel.getFileName() + " has no layer before a linear head, so a "
                    + "new head cannot be put on it; fine-tune it instead");
        }
        GraphProto graph = graphWithHead(base.getGraph(), parts, outcome.head(), outcome.labels().size());
        AtomicFiles.write(target, base.toBuilder().setGraph(graph).build().toByteArray());
        Map<String, Object> spec = modelSpec(baseCard, parts, settings);
        outcome.familiarity().ifPresent(f -> spec.put(Familiarity.CARD_KEY, f.toMap()));
        ModelCard card = ModelCard.describe(target, name(target), outcome.labels(), baseCard.featureSpec(),
                provenance(baseCard, provenance), spec, metrics(outcome));
        card.write(ModelCard.cardPathFor(target));
        return card;
    }

    private static GraphProto graphWithHead(GraphProto base, List<String> parts, SoftmaxRegression.Fit head,
            int classes) {
        Set<String> needed = producersOf(base, parts);
        String prefix = freePrefix(base);
        int width = head.weights()[0].length;
        float[] weights = new float[classes * width];
        for (int k = 0; k < classes; k++) {
            System.arraycopy(head.weights()[k], 0, weights, k * width, width);
        }
        String output = base.getOutput(0).getName();
        GraphProto headNodes = new OnnxGraphBuilder("head")
                .initializer(prefix + ".weight", weights, classes, width)
                .initializer(prefix + ".bias", head.bias().clone(), classes)
                .node("Concat", parts.toArray(String[]::new), prefix + ".embedding", OnnxGraphBuilder.integer("axis", 1))
                .node("Gemm", new String[] {prefix + ".embedding", prefix + ".weight", prefix + ".bias"},
                        prefix + ".logits", OnnxGraphBuilder.integer("transB", 1))
                .node("Softmax", new String[] {prefix + ".logits"}, output, OnnxGraphBuilder.integer("axis", 1))
                .output(output, -1, classes).build().getGraph();
        GraphProto.Builder out = base.toBuilder().clearNode().clearInitializer().clearOutput().clearValueInfo();
        Set<String> used = new HashSet<>();
        for (NodeProto node : base.getNodeList()) {
            if (node.getOutputList().stream().anyMatch(needed::contains)) {
                out.addNode(node);
                used.addAll(node.getInputList());
            }
        }
        for (TensorProto initializer : base.getInitializerList()) {
            if (used.contains(initializer.getName())) {
                out.addInitializer(initializer);
            }
        }
        headNodes.getNodeList().forEach(n -> out.addNode(n.toBuilder().setName(prefix + "." + n.getName())));
        headNodes.getInitializerList().forEach(out::addInitializer);
        out.addAllOutput(headNodes.getOutputList());
        return out.build();
    }

    /** "head", or "head2", "head3"... when the base is itself a head model. */
    private static String freePrefix(GraphProto base) {
        Set<String> names = new HashSet<>();
        base.getNodeList().forEach(n -> {
            names.addAll(n.getOutputList());
            names.add(n.getName());
        });
        base.getInitializerList().forEach(t -> names.add(t.getName()));
        String prefix = "head";
        for (int i = 2; names.contains(prefix + ".embedding"); i++) {
            prefix = "head" + i;
        }
        return prefix;
    }

    /** The outputs of every node the parts depend on. */
    private static Set<String> producersOf(GraphProto graph, List<String> parts) {
        Map<String, NodeProto> producers = new HashMap<>();
        graph.getNodeList().forEach(n -> n.getOutputList().forEach(o -> producers.put(o, n)));
        Set<String> needed = new HashSet<>();
        Deque<String> stack = new ArrayDeque<>(parts);
        while (!stack.isEmpty()) {
            String tensor = stack.pop();
            NodeProto node = producers.get(tensor);
            if (node != null && needed.addAll(node.getOutputList())) {
                node.getInputList().forEach(stack::push);
            }
        }
        return needed;
    }

    private static String name(Path target) {
        String file = target.getFileName().toString();
        return file.endsWith(".onnx") ? file.substring(0, file.length() - 5) : file;
    }

    private static Map<String, Object> provenance(ModelCard base, Provenance provenance) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("trainer", "genrelens head on stored embeddings");
        out.put("command", provenance.command());
        out.put("data", provenance.data());
        out.put("tracks", provenance.tracks());
        out.put("baseModel", base.name());
        out.put("baseModelSha256", base.sha256());
        return out;
    }

    private static Map<String, Object> modelSpec(ModelCard base, List<String> parts, HeadTrainer.Settings settings) {
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("kind", "logistic regression on the base model's pooled embedding");
        head.put("embedding", parts);
        head.put("l2", settings.l2());
        head.put("iterations", settings.iterations());
        head.put("learningRate", settings.learningRate());
        head.put("classWeights", "inverse track frequency");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("head", head);
        spec.put("baseModelSpec", base.modelSpec());
        return spec;
    }

    private static Map<String, Object> metrics(HeadTrainer.Outcome outcome) {
        if (outcome.crossValidation().isEmpty()) {
            return Map.of();
        }
        var report = outcome.crossValidation().get();
        var scores = org.genrelens.training.card.HeldOutScores.of(report, "not-music");
        return new org.genrelens.training.card.RecipeMetrics(java.util.Optional.of(
                new org.genrelens.training.card.RecipeMetrics.CrossValidation("head fitted on the other folds' "
                        + "pooled embeddings; folds keep each artist (else album) on one side; each track's "
                        + "held-out prediction", scores, outcome.folds().orElseThrow())),
                java.util.Optional.empty(), java.util.Optional.empty()).toMap();
    }
}
