package org.genrelens.training.sampling;

import java.util.Objects;

/**
 * One training batch.
 *
 * @param tiles   {@code [count][channels][height][width]} row-major
 * @param targets {@code [count][classes]}: one-hot, or two classes mixed by mixup; each row sums to 1
 */
public record Batch(float[] tiles, int count, float[] targets, int classes) {

    public Batch {
        Objects.requireNonNull(tiles, "tiles");
        Objects.requireNonNull(targets, "targets");
        if (count < 1 || classes < 1) {
            throw new IllegalArgumentException("a batch needs count and classes >= 1, got " + count + ", " + classes);
        }
        if (tiles.length % count != 0) {
            throw new IllegalArgumentException(tiles.length + " tile floats do not split into " + count + " tiles");
        }
        if ((long) count * classes != targets.length) {
            throw new IllegalArgumentException("targets has " + targets.length + " floats, expected " + count
                    + " x " + classes);
        }
    }

    /** Floats in one tile. */
    public int tileSize() {
        return tiles.length / count;
    }

    /** The target of one example: a probability over the classes. */
    public float target(int index, int clazz) {
        Objects.checkIndex(index, count);
        Objects.checkIndex(clazz, classes);
        return targets[index * classes + clazz];
    }
}
