package org.genrelens.training.cnn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * Clears the gradient buffers of a network by writing zeros into them. DJL's PyTorch engine attaches a gradient
 * buffer to a parameter without initialising it, then zeroes gradients as {@code grad − grad}: when the buffer
 * happens to hold NaN or infinity (memory another library, such as ONNX Runtime, used before), the first Adam
 * step turns every weight into NaN. Seen in CnnOnnxParityTest; call this whenever gradients are attached
 * (after initialising, after unfreezing).
 */
final class GradientBuffers {

    private GradientBuffers() {
    }

    static void clear(Block block) {
        for (Pair<String, Parameter> entry : block.getParameters()) {
            Parameter parameter = entry.getValue();
            if (parameter.isInitialized() && parameter.requiresGradient() && parameter.getArray().hasGradient()) {
                NDArray gradient = parameter.getArray().getGradient();
                gradient.set(new float[Math.toIntExact(gradient.size())]);
            }
        }
    }
}
