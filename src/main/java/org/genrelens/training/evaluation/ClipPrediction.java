package org.genrelens.training.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.genrelens.training.data.LabeledClip;

/** What a model said about one clip: one probability row per window, in the model's label order. */
public record ClipPrediction(LabeledClip clip, float[][] windowProbabilities) {

    public ClipPrediction {
        Objects.requireNonNull(clip, "clip");
        Objects.requireNonNull(windowProbabilities, "windowProbabilities");
        if (windowProbabilities.length == 0) {
            throw new IllegalArgumentException("a prediction of " + clip.file() + " needs at least one window");
        }
        int width = windowProbabilities[0].length;
        for (float[] row : windowProbabilities) {
            if (row.length != width || width == 0) {
                throw new IllegalArgumentException("the window rows of " + clip.file()
                        + " must all have one probability per label");
            }
        }
    }

    /**
     * The window-by-window mean of several models' predictions of the same clips, in the same order: what one
     * graph averaging those models would output.
     */
    public static List<ClipPrediction> mean(List<List<ClipPrediction>> models) {
        double[] equal = new double[models.size()];
        java.util.Arrays.fill(equal, 1.0 / Math.max(1, models.size()));
        return weightedMean(models, equal);
    }

    /** As {@link #mean}, model {@code i} weighing {@code weights[i]} (the weights sum to 1). */
    public static List<ClipPrediction> weightedMean(List<List<ClipPrediction>> models, double[] weights) {
        if (models.isEmpty() || weights.length != models.size()) {
            throw new IllegalArgumentException("averaging needs at least one model's predictions and a weight each");
        }
        List<ClipPrediction> first = models.get(0);
        List<ClipPrediction> mean = new ArrayList<>(first.size());
        for (int c = 0; c < first.size(); c++) {
            ClipPrediction reference = first.get(c);
            int windows = reference.windowProbabilities().length;
            int width = reference.windowProbabilities()[0].length;
            float[][] sum = new float[windows][width];
            for (int m = 0; m < models.size(); m++) {
                ClipPrediction other = models.get(m).get(c);
                if (!other.clip().equals(reference.clip()) || other.windowProbabilities().length != windows) {
                    throw new IllegalArgumentException("the models predicted different clips or windows at " + c);
                }
                for (int w = 0; w < windows; w++) {
                    for (int k = 0; k < width; k++) {
                        sum[w][k] += (float) (other.windowProbabilities()[w][k] * weights[m]);
                    }
                }
            }
            mean.add(new ClipPrediction(reference.clip(), sum));
        }
        return mean;
    }
}
