package org.genrelens.training.cnn;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A copy of every parameter of a block, running BatchNorm statistics included, kept on the Java heap: the
 * trainer's "best epoch" checkpoint, restored at the end or on cancellation.
 */
final class ParameterSnapshot {

    private final Map<String, float[]> values;

    private ParameterSnapshot(Map<String, float[]> values) {
        this.values = values;
    }

    static ParameterSnapshot of(Block block) {
        Map<String, float[]> values = new LinkedHashMap<>();
        for (Pair<String, Parameter> entry : block.getParameters()) {
            values.put(entry.getKey(), entry.getValue().getArray().toFloatArray());
        }
        return new ParameterSnapshot(values);
    }

    void restoreInto(Block block) {
        for (Pair<String, Parameter> entry : block.getParameters()) {
            float[] saved = values.get(entry.getKey());
            if (saved == null) {
                throw new IllegalStateException("the checkpoint has no parameter " + entry.getKey());
            }
            entry.getValue().getArray().set(FloatBuffer.wrap(saved));
        }
    }
}
