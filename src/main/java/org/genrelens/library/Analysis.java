package org.genrelens.library;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.genrelens.model.AnalysisMode;

/**
 * One stored analysis of a track's audio (its fingerprint at the time) by one model and FeatureSpec, in full or
 * quick mode. A FAILED analysis has an error and no probabilities.
 */
public record Analysis(long id, long trackId, String fingerprint, String modelSha256, String featureSpecHash,
        AnalysisMode mode, Status status, List<String> labels, float[] probabilities, String topGenre,
        float confidence, boolean uncertain, boolean padded, String error, Instant analysedAt) {

    public enum Status { OK, FAILED }

    public Analysis {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(analysedAt, "analysedAt");
        labels = labels == null ? List.of() : List.copyOf(labels);
        probabilities = probabilities == null ? new float[0] : probabilities.clone();
        if (status == Status.OK && (topGenre == null || probabilities.length != labels.size())) {
            throw new IllegalArgumentException("an OK analysis needs a top genre and one probability per label");
        }
        if (status == Status.FAILED && (error == null || error.isBlank())) {
            throw new IllegalArgumentException("a failed analysis needs its error");
        }
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }
}
