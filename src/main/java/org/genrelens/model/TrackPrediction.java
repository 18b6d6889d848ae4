package org.genrelens.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The genre of one track: window probabilities averaged over the whole track.
 *
 * @param labels              genre labels in model output order
 * @param probabilities       averaged probability per label, same order as labels
 * @param windowProbabilities one probability row per 5 s window, same order as labels
 * @param uncertain           true when the top probability is below the classifier's threshold
 * @param padded              true when the track was shorter than one window and was padded
 * @param embedding           the model's layer before its head, averaged over the windows; empty when the model
 *                            has none
 */
public record TrackPrediction(
        List<String> labels,
        float[] probabilities,
        float[][] windowProbabilities,
        boolean uncertain,
        boolean padded,
        float[] embedding) {

    /** A prediction without an embedding. */
    public TrackPrediction(List<String> labels, float[] probabilities, float[][] windowProbabilities,
            boolean uncertain, boolean padded) {
        this(labels, probabilities, windowProbabilities, uncertain, padded, new float[0]);
    }

    public TrackPrediction {
        labels = List.copyOf(labels);
        Objects.requireNonNull(probabilities, "probabilities");
        Objects.requireNonNull(windowProbabilities, "windowProbabilities");
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a prediction needs at least one label");
        }
        if (probabilities.length != labels.size()) {
            throw new IllegalArgumentException("probabilities has " + probabilities.length
                    + " entries but there are " + labels.size() + " labels");
        }
        for (float[] row : windowProbabilities) {
            if (row.length != labels.size()) {
                throw new IllegalArgumentException("a window row has " + row.length
                        + " entries but there are " + labels.size() + " labels");
            }
        }
        probabilities = probabilities.clone();
        embedding = embedding == null ? new float[0] : embedding.clone();
    }

    /** Index of the most probable label. */
    public int topIndex() {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }

    public String topGenre() {
        return labels.get(topIndex());
    }

    public float confidence() {
        return probabilities[topIndex()];
    }

    public int windowCount() {
        return windowProbabilities.length;
    }

    /** The k most probable labels with their probabilities, best first. */
    public List<GenreScore> top(int k) {
        List<GenreScore> all = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            all.add(new GenreScore(labels.get(i), probabilities[i]));
        }
        all.sort(Comparator.comparingDouble(GenreScore::probability).reversed());
        return List.copyOf(all.subList(0, Math.min(k, all.size())));
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public float[] embedding() {
        return embedding.clone();
    }

    public boolean hasEmbedding() {
        return embedding.length > 0;
    }
}
