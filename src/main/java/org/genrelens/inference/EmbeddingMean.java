package org.genrelens.inference;

/**
 * The mean of a track's window embeddings, summed as the windows are classified so that a long track keeps one
 * row, not one per window. Summed in double: thousands of windows would drift in float.
 */
public final class EmbeddingMean {

    private double[] sums;
    private int count;

    /** Adds {@code windows} rows of {@code width} values from {@code values}. */
    void add(float[] values, int windows, int width) {
        if (sums == null) {
            sums = new double[width];
        }
        for (int w = 0; w < windows; w++) {
            for (int i = 0; i < width; i++) {
                sums[i] += values[w * width + i];
            }
        }
        count += windows;
    }

    /** The mean row; empty when no embedding was added. */
    public float[] mean() {
        if (count == 0) {
            return new float[0];
        }
        float[] mean = new float[sums.length];
        for (int i = 0; i < mean.length; i++) {
            mean[i] = (float) (sums[i] / count);
        }
        return mean;
    }
}
