package org.genrelens.inference;

import java.util.List;
import org.genrelens.model.TrackPrediction;

/**
 * Turns per-window probabilities into one track prediction: the plain mean of the rows. Shared by the
 * classifier and the trainer's evaluation so both judge a track the same way.
 */
public final class WindowAverager {

    private WindowAverager() {
    }

    /** Column means of the rows; every row must have the same width. */
    public static float[] mean(float[][] windowProbabilities) {
        if (windowProbabilities.length == 0) {
            throw new IllegalArgumentException("cannot average zero windows");
        }
        int width = windowProbabilities[0].length;
        // Sum in double: a long track has hundreds of windows and float sums would drift.
        double[] sums = new double[width];
        for (float[] row : windowProbabilities) {
            if (row.length != width) {
                throw new IllegalArgumentException("window rows differ in width: " + row.length + " vs " + width);
            }
            for (int i = 0; i < width; i++) {
                sums[i] += row[i];
            }
        }
        float[] mean = new float[width];
        for (int i = 0; i < width; i++) {
            mean[i] = (float) (sums[i] / windowProbabilities.length);
        }
        return mean;
    }

    /**
     * The track prediction for these windows.
     *
     * @param uncertaintyThreshold the prediction is uncertain when its top mean probability is below this
     * @param padded               whether the track was padded to fill one window
     */
    public static TrackPrediction average(List<String> labels, float[][] windowProbabilities,
            float uncertaintyThreshold, boolean padded) {
        return average(labels, windowProbabilities, uncertaintyThreshold, padded, new float[0]);
    }

    /** {@link #average(List, float[][], float, boolean)} with the windows' mean embedding. */
    public static TrackPrediction average(List<String> labels, float[][] windowProbabilities,
            float uncertaintyThreshold, boolean padded, float[] embedding) {
        float[] mean = mean(windowProbabilities);
        float top = 0f;
        for (float p : mean) {
            top = Math.max(top, p);
        }
        return new TrackPrediction(labels, mean, windowProbabilities, top < uncertaintyThreshold, padded, embedding);
    }
}
