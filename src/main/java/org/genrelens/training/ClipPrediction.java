package org.genrelens.training;

import java.util.Objects;

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
}
