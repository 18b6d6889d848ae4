package org.genrelens.training.onnx;

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
import java.nio.file.Path;
import org.genrelens.inference.AtomicFiles;

/**
 * Writes ONNX graphs with the protobuf classes of tribuo-util-onnx: opset 17, float tensors, initialisers as
 * raw little-endian bytes, a symbolic batch dimension. A dimension of -1 means "batch".
 */
public final class OnnxGraphBuilder {

    public static final int OPSET = 17;
    /** The input and output names of every model graph this project writes, so that ensembles can merge them. */
    public static final String MODEL_INPUT = "tiles";
    public static final String MODEL_OUTPUT = "probabilities";
    private static final int IR_VERSION = 8;
    private static final String BATCH = "batch";

    private final GraphProto.Builder graph = GraphProto.newBuilder();
    private int nodeCount;

    public OnnxGraphBuilder(String name) {
        graph.setName(name);
    }

    public OnnxGraphBuilder input(String name, long... dims) {
        graph.addInput(valueInfo(name, dims));
        return this;
    }

    public OnnxGraphBuilder output(String name, long... dims) {
        graph.addOutput(valueInfo(name, dims));
        return this;
    }

    /** A float constant; {@code values.length} must equal the product of dims. */
    public OnnxGraphBuilder initializer(String name, float[] values, long... dims) {
        long size = 1;
        for (long d : dims) {
            size *= d;
        }
        if (size != values.length) {
            throw new IllegalArgumentException(name + ": " + values.length + " values for shape of size " + size);
        }
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        TensorProto.Builder tensor = TensorProto.newBuilder()
                .setName(name)
                .setDataType(TensorProto.DataType.FLOAT.getNumber())
                .setRawData(ByteString.copyFrom(bytes.array()));
        for (long d : dims) {
            tensor.addDims(d);
        }
        graph.addInitializer(tensor);
        return this;
    }

    /** A node; attributes are built with {@link #ints} and {@link #integer}. */
    public OnnxGraphBuilder node(String opType, String[] inputs, String output, AttributeProto... attributes) {
        NodeProto.Builder node = NodeProto.newBuilder()
                .setName(opType.toLowerCase(java.util.Locale.ROOT) + "_" + nodeCount++)
                .setOpType(opType)
                .addOutput(output);
        for (String input : inputs) {
            node.addInput(input);
        }
        for (AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
        return this;
    }

    public static AttributeProto ints(String name, long... values) {
        AttributeProto.Builder attribute = AttributeProto.newBuilder()
                .setName(name).setType(AttributeProto.AttributeType.INTS);
        for (long v : values) {
            attribute.addInts(v);
        }
        return attribute.build();
    }

    public static AttributeProto integer(String name, long value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value).build();
    }

    public static AttributeProto real(String name, float value) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value)
                .build();
    }

    public ModelProto build() {
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("GenreLens")
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph)
                .build();
    }

    /** Writes the model through a temporary file, so a crash never leaves half a model behind. */
    public void write(Path target) throws IOException {
        AtomicFiles.write(target, build().toByteArray());
    }

    private static ValueInfoProto valueInfo(String name, long... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (long d : dims) {
            TensorShapeProto.Dimension.Builder dim = TensorShapeProto.Dimension.newBuilder();
            if (d < 0) {
                dim.setDimParam(BATCH);
            } else {
                dim.setDimValue(d);
            }
            shape.addDim(dim);
        }
        return ValueInfoProto.newBuilder()
                .setName(name)
                .setType(TypeProto.newBuilder().setTensorType(TypeProto.Tensor.newBuilder()
                        .setElemType(TensorProto.DataType.FLOAT.getNumber())
                        .setShape(shape)))
                .build();
    }
}
