package org.genrelens.training.cnn;

import ai.djl.nn.Block;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.genrelens.training.cnn.CnnLayout.NamedParameter;
import org.genrelens.training.onnx.ModelEnsembler;

/**
 * Loads the weights of a model {@link OnnxExporter} wrote back into a DJL network, so that training can go
 * on from an existing model (fine-tuning). Everything is checked before anything is copied: a failed load
 * leaves the block as it was.
 */
public final class OnnxWeightImporter {

    private OnnxWeightImporter() {
    }

    /**
     * Copies the weights of an ONNX model this exporter wrote into a freshly built, initialised block of the same
     * spec; with {@code skipClassifier} the final dense layer keeps its fresh init (new label set).
     *
     * @throws IOException              if the file cannot be read or is not an ONNX model
     * @throws IllegalArgumentException if the file was not exported from this spec (graph, names or shapes
     *                                  differ), or the block is not an initialised network of the spec
     */
    public static void load(Path onnx, Block block, ModelSpec spec, boolean skipClassifier) throws IOException {
        load(onnx, 0, block, spec, skipClassifier);
    }

    /** As {@link #load(Path, Block, ModelSpec, boolean)}, from member {@code member} when the file is an ensemble. */
    public static void load(Path onnx, int member, Block block, ModelSpec spec, boolean skipClassifier)
            throws IOException {
        ModelProto model = read(onnx, member);
        List<NamedParameter> parameters = CnnLayout.parameters(spec, block);
        for (NamedParameter parameter : parameters) {
            if (!parameter.parameter().isInitialized()) {
                throw new IllegalArgumentException("the block is not initialised (" + parameter.name()
                        + "); call block.initialize(...) before loading " + onnx + " into it");
            }
        }
        Map<String, TensorProto> tensors = new HashMap<>();
        for (TensorProto tensor : model.getGraph().getInitializerList()) {
            tensors.put(tensor.getName(), tensor);
        }
        Map<NamedParameter, float[]> values = new LinkedHashMap<>();
        Set<String> expected = new HashSet<>();
        for (NamedParameter parameter : parameters) {
            if (skipClassifier && parameter.isClassifier()) {
                continue;
            }
            expected.add(parameter.name());
            TensorProto tensor = tensors.get(parameter.name());
            if (tensor == null) {
                throw mismatch(onnx, spec, "it has no weights '" + parameter.name() + "'");
            }
            long[] dims = tensor.getDimsList().stream().mapToLong(Long::longValue).toArray();
            if (!Arrays.equals(dims, parameter.expectedShape())) {
                throw mismatch(onnx, spec, "'" + parameter.name() + "' has shape " + Arrays.toString(dims)
                        + " where the spec needs " + Arrays.toString(parameter.expectedShape()));
            }
            values.put(parameter, floats(onnx, tensor));
        }
        for (TensorProto tensor : model.getGraph().getInitializerList()) {
            String name = tensor.getName();
            boolean skipped = skipClassifier && CnnLayout.isOutputLayer(name)
                    || name.startsWith(CnnGraph.CONSTANT_PREFIX);
            if (!skipped && !expected.contains(name)) {
                throw mismatch(onnx, spec, "it holds weights '" + name + "' that the spec has no place for");
            }
        }
        // Names and shapes first: they say most clearly what differs. Pooling type, for one, shows only here.
        requireSameGraph(onnx, model, spec, parameters);
        values.forEach((parameter, data) -> parameter.parameter().getArray().set(data));
    }

    private static ModelProto read(Path onnx, int member) throws IOException {
        try {
            // an ensemble (genrelens export, train --seeds) fine-tunes member by member
            return ModelEnsembler.member(ModelProto.parseFrom(Files.readAllBytes(onnx)), member);
        } catch (InvalidProtocolBufferException e) {
            throw new IOException(onnx + " is not an ONNX model (" + e.getMessage()
                    + "); pick a .onnx file the GenreLens trainer wrote", e);
        }
    }

    /** The nodes must be exactly those the exporter writes for this spec: same ops, wiring and attributes. */
    private static void requireSameGraph(Path onnx, ModelProto model, ModelSpec spec,
            List<NamedParameter> parameters) {
        if (model.getGraph().getInputCount() != 1) {
            throw mismatch(onnx, spec, "it has " + model.getGraph().getInputCount() + " inputs, not one");
        }
        long[] inputShape = model.getGraph().getInput(0).getType().getTensorType().getShape().getDimList().stream()
                .mapToLong(d -> d.getValueCase() == TensorShapeProto.Dimension.ValueCase.DIM_VALUE ? d.getDimValue() : -1)
                .toArray();
        ModelProto expected = CnnGraph.build(spec, inputShape, parameters,
                p -> new float[Math.toIntExact(Arrays.stream(p.expectedShape()).reduce(1, (a, b) -> a * b))]);
        List<NodeProto> want = expected.getGraph().getNodeList();
        List<NodeProto> have = model.getGraph().getNodeList();
        for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
            if (i >= want.size() || i >= have.size() || !want.get(i).equals(have.get(i))) {
                throw mismatch(onnx, spec, "node " + i + " is " + describe(have, i) + " where the spec needs "
                        + describe(want, i));
            }
        }
    }

    private static String describe(List<NodeProto> nodes, int index) {
        if (index >= nodes.size()) {
            return "missing";
        }
        NodeProto node = nodes.get(index);
        return node.getOpType() + node.getInputList() + " -> " + node.getOutputList();
    }

    private static float[] floats(Path onnx, TensorProto tensor) throws IOException {
        if (tensor.getDataType() != TensorProto.DataType.FLOAT.getNumber()) {
            throw new IOException("'" + tensor.getName() + "' in " + onnx + " is not float32; re-export the model");
        }
        int size = Math.toIntExact(tensor.getDimsList().stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b));
        float[] values;
        if (!tensor.getRawData().isEmpty()) {
            values = new float[tensor.getRawData().size() / Float.BYTES];
            tensor.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else {
            values = new float[tensor.getFloatDataCount()];
            for (int i = 0; i < values.length; i++) {
                values[i] = tensor.getFloatData(i);
            }
        }
        if (values.length != size) {
            throw new IOException("'" + tensor.getName() + "' in " + onnx + " holds " + values.length
                    + " values for a shape of " + size + "; the file is damaged, re-export it");
        }
        return values;
    }

    private static IllegalArgumentException mismatch(Path onnx, ModelSpec spec, String what) {
        return new IllegalArgumentException(onnx + " was not exported from model spec " + spec + ": " + what
                + "; load it with the spec from its model card (ModelSpec.fromMap(card.modelSpec()))");
    }
}
