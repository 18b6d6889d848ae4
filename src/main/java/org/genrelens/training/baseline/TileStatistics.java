package org.genrelens.training.baseline;

import org.genrelens.features.Tiles;

/**
 * Per-tile summary the baseline classifies: for every (channel, row) the mean and the standard deviation over
 * time. {@link StatisticsModelWriter} computes exactly this inside the ONNX graph, in the same order and with
 * the same formula, so a model trained on these vectors sees the same numbers at inference.
 */
public final class TileStatistics {

    /** Added to the variance before the square root, in Java and in the graph alike. */
    public static final float VARIANCE_EPSILON = 1e-6f;

    private TileStatistics() {
    }

    /** Number of features for tiles of this shape: mean and std per channel and row. */
    public static int featureCount(int channels, int height) {
        return 2 * channels * height;
    }

    /** One feature row per tile: [means of (c,h) row-major, then stds of (c,h) row-major]. */
    public static float[][] of(Tiles tiles) {
        int rows = tiles.channels() * tiles.height();
        int width = tiles.width();
        float[] data = tiles.data();
        float[][] out = new float[tiles.count()][2 * rows];
        for (int t = 0; t < tiles.count(); t++) {
            int tileOffset = t * tiles.tileSize();
            for (int r = 0; r < rows; r++) {
                int offset = tileOffset + r * width;
                float sum = 0f;
                for (int w = 0; w < width; w++) {
                    sum += data[offset + w];
                }
                float mean = sum / width;
                // two passes: E[x²] − E[x]² cancels to a negative number for constant rows in float
                float squares = 0f;
                for (int w = 0; w < width; w++) {
                    float centred = data[offset + w] - mean;
                    squares += centred * centred;
                }
                float variance = squares / width;
                out[t][r] = mean;
                out[t][rows + r] = (float) Math.sqrt(variance + VARIANCE_EPSILON);
            }
        }
        return out;
    }
}
