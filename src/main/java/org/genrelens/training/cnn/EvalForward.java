package org.genrelens.training.cnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.Function;
import org.genrelens.features.Tiles;

/**
 * Eval-mode window probabilities of a network: batch by batch, each in its own sub-manager (without it DJL's
 * memory grows and forwards slow down severalfold), softmax of the logits.
 */
final class EvalForward {

    private EvalForward() {
    }

    static float[][] windowProbabilities(NDManager parent, Function<NDList, NDList> forward, Tiles tiles,
            int classes, int batchSize) {
        float[][] out = new float[tiles.count()][];
        int tileSize = tiles.tileSize();
        for (int start = 0; start < tiles.count(); start += batchSize) {
            int count = Math.min(batchSize, tiles.count() - start);
            float[] slice = new float[count * tileSize];
            System.arraycopy(tiles.data(), start * tileSize, slice, 0, slice.length);
            try (NDManager manager = parent.newSubManager()) {
                NDArray x = manager.create(slice, new Shape(count, tiles.channels(), tiles.height(), tiles.width()));
                float[] flat = forward.apply(new NDList(x)).singletonOrThrow().softmax(1).toFloatArray();
                for (int i = 0; i < count; i++) {
                    out[start + i] = new float[classes];
                    System.arraycopy(flat, i * classes, out[start + i], 0, classes);
                }
            }
        }
        return out;
    }
}
