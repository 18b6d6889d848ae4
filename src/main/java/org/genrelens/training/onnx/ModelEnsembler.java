package org.genrelens.training.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.genrelens.inference.AtomicFiles;
import org.genrelens.inference.ModelCard;
import org.genrelens.training.card.ExportMetrics;
import org.genrelens.training.card.ExportProvenance;
import org.genrelens.training.card.ExportedEnsembleSpec;
import org.genrelens.training.card.TrainingProvenance;

/**
 * {@code genrelens export}: writes one model file from trained ones. Several members with the same labels and
 * FeatureSpec become one ONNX graph whose output is the mean of the members' softmax outputs (seed or fold
 * models ship as one file, one session); a single member is re-exported unchanged under a new name. Either way
 * the new card carries the sha256 of the new file and every member's name, sha256, provenance, model spec and
 * metrics, because a member's metrics describe the member, not the ensemble.
 */
public final class ModelEnsembler {

    static final String INPUT = OnnxGraphBuilder.MODEL_INPUT;
    static final String OUTPUT = OnnxGraphBuilder.MODEL_OUTPUT;

    /** A model file and the card beside it. */
    public record Member(Path onnx, ModelCard card) {
        public Member {
            Objects.requireNonNull(onnx, "onnx");
            Objects.requireNonNull(card, "card");
        }

        /** Reads the card beside {@code onnx} and checks that it describes this very file. */
        public static Member read(Path onnx) throws IOException {
            Path cardFile = ModelCard.cardPathFor(onnx);
            if (!Files.isRegularFile(onnx)) {
                throw new NoSuchFileException(onnx.toString(), null, "no such model file");
            }
            if (!Files.isRegularFile(cardFile)) {
                throw new NoSuchFileException(cardFile.toString(), null,
                        "a model needs its card beside it; export only models GenreLens trained");
            }
            ModelCard card = ModelCard.read(cardFile);
            String actual = ModelCard.sha256Of(onnx);
            if (!actual.equals(card.sha256())) {
                throw new IllegalArgumentException("the SHA-256 of " + onnx + " is " + actual + " but its card says "
                        + card.sha256() + "; the file or the card was changed, retrain or restore it");
            }
            return new Member(onnx, card);
        }
    }

    private ModelEnsembler() {
    }

    /**
     * Writes {@code target} and its card.
     *
     * @param name the new model's name; null = the target's file name without ".onnx"
     * @throws IllegalArgumentException if the members disagree on labels, FeatureSpec or input shape
     */
    public static ModelCard export(List<Member> members, Path target, String name) throws IOException {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("name at least one model to export");
        }
        ModelCard first = members.get(0).card();
        for (Member member : members.subList(1, members.size())) {
            requireCompatible(members.get(0), member);
        }
        String modelName = name != null ? name : target.getFileName().toString().replaceFirst("(?i)\\.onnx$", "");
        if (members.size() == 1) {
            AtomicFiles.write(target, Files.readAllBytes(members.get(0).onnx()));
        } else {
            writeGraph(members.stream().map(Member::onnx).toList(), first.inputShapeArray(), first.labels().size(),
                    target);
        }
        ModelCard card = ModelCard.describe(target, modelName, first.labels(), first.featureSpec(),
                provenance(members).toMap(), modelSpec(members), metrics(members));
        card.write(ModelCard.cardPathFor(target));
        return card;
    }

    /**
     * Writes only the averaging graph of {@code members} (GenreLens classifier graphs for the same tiles and
     * labels); the caller writes the card. The trainer's way to ship a seed ensemble.
     */
    public static void writeGraph(List<Path> members, long[] inputShape, int classes, Path target)
            throws IOException {
        writeGraph(members, null, inputShape, classes, target);
    }

    /** As {@link #writeGraph(List, long[], int, Path)}, member {@code i} weighing {@code weights[i]}; null = equal. */
    public static void writeGraph(List<Path> members, double[] weights, long[] inputShape, int classes, Path target)
            throws IOException {
        List<ModelProto> graphs = new ArrayList<>();
        for (Path member : members) {
            graphs.add(ModelProto.parseFrom(Files.readAllBytes(member)));
        }
        AtomicFiles.write(target, merge(graphs, weights, inputShape, classes).toByteArray());
    }

    /** One graph: every member reads the shared input, their outputs are averaged by ONNX's Mean. */
    static ModelProto merge(List<ModelProto> members, long[] inputShape, int classes) {
        return merge(members, null, inputShape, classes);
    }

    /** With weights (summing to 1): Mul each member's output by its weight, then Sum; null = Mean. */
    static ModelProto merge(List<ModelProto> members, double[] weights, long[] inputShape, int classes) {
        if (weights != null && weights.length != members.size()) {
            throw new IllegalArgumentException(members.size() + " members but " + weights.length + " weights");
        }
        OnnxGraphBuilder merged = new OnnxGraphBuilder("genre-ensemble");
        merged.input(INPUT, inputShape);
        GraphProto.Builder graph = GraphProto.newBuilder();
        long opset = OnnxGraphBuilder.OPSET;
        String[] outputs = new String[members.size()];
        for (int m = 0; m < members.size(); m++) {
            ModelProto model = members.get(m);
            for (OperatorSetIdProto imported : model.getOpsetImportList()) {
                if (!imported.getDomain().isEmpty() && !imported.getDomain().equals("ai.onnx")) {
                    throw new IllegalArgumentException("member " + (m + 1) + " uses the operator domain '"
                            + imported.getDomain() + "'; only standard ONNX operators can be merged");
                }
                opset = Math.max(opset, imported.getVersion());
            }
            GraphProto member = model.getGraph();
            if (member.getInputCount() != 1 || !member.getInput(0).getName().equals(INPUT)
                    || member.getOutputCount() != 1 || !member.getOutput(0).getName().equals(OUTPUT)) {
                throw new IllegalArgumentException("member " + (m + 1) + " is not a GenreLens classifier graph "
                        + "(one input '" + INPUT + "', one output '" + OUTPUT + "')");
            }
            String prefix = "m" + m + "/";
            for (TensorProto initializer : member.getInitializerList()) {
                graph.addInitializer(initializer.toBuilder().setName(prefix + initializer.getName()));
            }
            for (NodeProto node : member.getNodeList()) {
                for (AttributeProto attribute : node.getAttributeList()) {
                    if (attribute.hasG() || attribute.getGraphsCount() > 0) {
                        throw new IllegalArgumentException("member " + (m + 1) + " has a subgraph in node "
                                + node.getName() + "; only flat graphs can be merged");
                    }
                }
                NodeProto.Builder renamed = node.toBuilder().setName(prefix + node.getName())
                        .clearInput().clearOutput();
                node.getInputList().forEach(input -> renamed.addInput(rename(input, prefix)));
                node.getOutputList().forEach(output -> renamed.addOutput(rename(output, prefix)));
                graph.addNode(renamed);
            }
            outputs[m] = prefix + OUTPUT;
        }
        if (weights == null) {
            merged.node("Mean", outputs, OUTPUT);
        } else {
            String[] weighted = new String[outputs.length];
            for (int m = 0; m < outputs.length; m++) {
                merged.initializer("ensemble.weight" + m, new float[] {(float) weights[m]}, 1);
                weighted[m] = "ensemble.weighted" + m;
                merged.node("Mul", new String[] {outputs[m], "ensemble.weight" + m}, weighted[m]);
            }
            merged.node("Sum", weighted, OUTPUT);
        }
        ModelProto shell = merged.output(OUTPUT, -1, classes).build();
        GraphProto.Builder result = shell.getGraph().toBuilder();
        // members' nodes first (topological order), the averaging last
        List<NodeProto> mean = new ArrayList<>(result.getNodeList());
        result.clearNode().addAllNode(graph.getNodeList()).addAllNode(mean)
                .addAllInitializer(graph.getInitializerList());
        return shell.toBuilder().setGraph(result).clearOpsetImport()
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(opset)).build();
    }

    /**
     * The first member of a graph {@link #merge} wrote, as the standalone graph it was before merging; any other
     * model unchanged. Lets fine-tuning start from an ensemble.
     */
    public static ModelProto firstMember(ModelProto model) {
        return member(model, 0);
    }

    /**
     * Member {@code index} of a graph {@link #merge} wrote, as the standalone graph it was before merging; any
     * other model unchanged. Fine-tuning an ensemble of seeds starts each new member from the old one.
     *
     * @throws IllegalArgumentException if the graph is an ensemble without that member
     */
    public static ModelProto member(ModelProto model, int index) {
        GraphProto graph = model.getGraph();
        if (!isEnsemble(graph)) {
            return model;
        }
        String prefix = "m" + index + "/";
        if (graph.getInitializerList().stream().noneMatch(t -> t.getName().startsWith(prefix))) {
            throw new IllegalArgumentException("the ensemble has no member " + (index + 1));
        }
        GraphProto.Builder member = graph.toBuilder().clearNode().clearInitializer();
        for (TensorProto initializer : graph.getInitializerList()) {
            if (initializer.getName().startsWith(prefix)) {
                member.addInitializer(initializer.toBuilder().setName(initializer.getName().substring(prefix.length())));
            }
        }
        for (NodeProto node : graph.getNodeList()) {
            if (node.getName().startsWith(prefix)) {
                NodeProto.Builder renamed = node.toBuilder().setName(node.getName().substring(prefix.length()))
                        .clearInput().clearOutput();
                node.getInputList().forEach(input -> renamed.addInput(strip(input, prefix)));
                node.getOutputList().forEach(output -> renamed.addOutput(strip(output, prefix)));
                member.addNode(renamed);
            }
        }
        return model.toBuilder().setGraph(member).build();
    }

    private static boolean isEnsemble(GraphProto graph) {
        return graph.getNodeCount() > 0
                && List.of("Mean", "Sum").contains(graph.getNode(graph.getNodeCount() - 1).getOpType())
                && graph.getInitializerList().stream().anyMatch(t -> t.getName().startsWith("m0/"));
    }

    private static String strip(String value, String prefix) {
        return value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }

    /** The shared input keeps its name; "" (an omitted optional input) stays empty. */
    private static String rename(String value, String prefix) {
        return value.isEmpty() || value.equals(INPUT) ? value : prefix + value;
    }

    private static void requireCompatible(Member reference, Member other) {
        ModelCard a = reference.card();
        ModelCard b = other.card();
        String problem = !a.labels().equals(b.labels()) ? "labels " + b.labels() + " differ from " + a.labels()
                : !a.featureSpec().equals(b.featureSpec()) ? "its FeatureSpec differs (" + b.featureSpec() + " vs "
                        + a.featureSpec() + ")"
                : !a.inputShape().equals(b.inputShape()) ? "input shape " + b.inputShape() + " differs from "
                        + a.inputShape()
                : null;
        if (problem != null) {
            throw new IllegalArgumentException(other.onnx() + " cannot join " + reference.onnx() + ": " + problem
                    + "; only models trained on the same labels and features can be averaged");
        }
    }

    private static ExportProvenance provenance(List<Member> members) {
        return new ExportProvenance(members.size() == 1
                ? "genrelens export (re-export of one model, graph unchanged)"
                : "genrelens export (mean of the members' softmax outputs, one ONNX graph)",
                members.stream().map(member -> new ExportProvenance.Member(member.onnx().getFileName().toString(),
                        member.card().name(), member.card().sha256(), member.card().createdAt(),
                        member.card().provenance())).toList(),
                TrainingProvenance.runningJava());
    }

    private static Map<String, Object> modelSpec(List<Member> members) {
        if (members.size() == 1) {
            return members.get(0).card().modelSpec();
        }
        return new ExportedEnsembleSpec("mean of member probabilities",
                members.stream().map(member -> member.card().modelSpec()).toList()).toMap();
    }

    private static Map<String, Object> metrics(List<Member> members) {
        if (members.size() == 1) {
            return members.get(0).card().metrics();
        }
        return new ExportMetrics("the ensemble itself was not evaluated when it was exported; these are each "
                + "member's own metrics with its own protocol. Measure the ensemble on clips no member trained on "
                + "(genrelens evaluate on a held-out split), never on the members' training clips",
                members.stream().map(member -> member.card().metrics()).toList()).toMap();
    }
}
