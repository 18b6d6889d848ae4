package org.genrelens.inference;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.genrelens.inference.ModelLoadException.Reason;

/**
 * What the classifier needs from a graph: one float input shaped like the card says and one output with a
 * column per label. Checked once at load so that a mismatched model fails with a clear message instead of
 * an ONNX Runtime shape error in the middle of a library scan. The embedding output GenreLens adds itself
 * ({@link EmbeddingTap}) is not the graph's own and is not counted.
 */
record GraphContract(String inputName, long[] inputShape, String outputName, long outputWidth) {

    /** Output width ONNX Runtime reports for a symbolic dimension. */
    static final long UNKNOWN = -1;

    static GraphContract of(OrtSession session, Path modelFile) throws ModelLoadException {
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            Map<String, NodeInfo> outputs = new java.util.LinkedHashMap<>(session.getOutputInfo());
            outputs.remove(EmbeddingTap.OUTPUT);
            if (inputs.size() != 1 || outputs.size() != 1) {
                throw new ModelLoadException(Reason.INPUT_SHAPE_MISMATCH, modelFile, modelFile + " has "
                        + inputs.size() + " inputs and " + outputs.size()
                        + " outputs; a genre model has one tile input and one probability output, re-export it");
            }
            NodeInfo input = inputs.values().iterator().next();
            NodeInfo output = outputs.values().iterator().next();
            TensorInfo inputInfo = tensorInfo(input, modelFile);
            TensorInfo outputInfo = tensorInfo(output, modelFile);
            if (inputInfo.type != OnnxJavaType.FLOAT || outputInfo.type != OnnxJavaType.FLOAT) {
                throw new ModelLoadException(Reason.INPUT_SHAPE_MISMATCH, modelFile, modelFile
                        + " must take and return float32 tensors but uses " + inputInfo.type + " -> "
                        + outputInfo.type + "; re-export it in float32");
            }
            long[] outputShape = outputInfo.getShape();
            if (outputShape.length != 2) {
                throw new ModelLoadException(Reason.OUTPUT_MISMATCH, modelFile, modelFile + " returns shape "
                        + Arrays.toString(outputShape) + "; expected [batch, labels], re-export it");
            }
            return new GraphContract(input.getName(), inputInfo.getShape(), output.getName(), outputShape[1]);
        } catch (OrtException e) {
            throw new ModelLoadException(Reason.RUNTIME_LOAD_FAILED, modelFile,
                    "ONNX Runtime cannot describe the inputs of " + modelFile + ": " + e.getMessage(), e);
        }
    }

    /** Refuses a graph whose input is not the card's shape (symbolic dimensions count as -1). */
    void requireInputShape(long[] expected, Path modelFile) throws ModelLoadException {
        if (!Arrays.equals(inputShape, expected)) {
            throw new ModelLoadException(Reason.INPUT_SHAPE_MISMATCH, modelFile, "the graph in " + modelFile
                    + " takes input " + Arrays.toString(inputShape) + " but its card says "
                    + Arrays.toString(expected) + "; re-export the model together with its card");
        }
    }

    /** Refuses a graph with a known output width other than the label count. */
    void requireOutputWidth(int labels, Path modelFile) throws ModelLoadException {
        if (outputWidth != UNKNOWN && outputWidth != labels) {
            throw new ModelLoadException(Reason.OUTPUT_MISMATCH, modelFile, "the graph in " + modelFile
                    + " outputs " + outputWidth + " probabilities per window but its card lists " + labels
                    + " labels; re-export the model together with its card");
        }
    }

    private static TensorInfo tensorInfo(NodeInfo node, Path modelFile) throws ModelLoadException {
        if (node.getInfo() instanceof TensorInfo info) {
            return info;
        }
        throw new ModelLoadException(Reason.INPUT_SHAPE_MISMATCH, modelFile, "'" + node.getName() + "' in "
                + modelFile + " is not a tensor; a genre model takes and returns tensors, re-export it");
    }
}
