package org.genrelens.library;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.genrelens.audio.AudioDecodeException;
import org.genrelens.model.AnalysisMode;

/**
 * One stored analysis of a track's audio (its fingerprint at the time) by one model and FeatureSpec, in full or
 * quick mode. A FAILED analysis has an error, the {@link Failure} that says whose fault it was, and no
 * probabilities.
 */
public record Analysis(long id, long trackId, String fingerprint, String modelSha256, String featureSpecHash,
        AnalysisMode mode, Status status, List<String> labels, float[] probabilities, String topGenre,
        float confidence, boolean uncertain, boolean padded, String error, Instant analysedAt, Failure failure) {

    public enum Status { OK, FAILED }

    /** Why an analysis failed: the file's own problem (as the decoder named it), or an error in GenreLens. */
    public enum Failure {
        NOT_FOUND, UNREADABLE, EMPTY, NOT_AUDIO, UNSUPPORTED_FORMAT, TRUNCATED, CORRUPT, TIMED_OUT,
        /** A bug in GenreLens, not a problem with the file. */
        INTERNAL_ERROR,
        /** Stored before failures had reasons (schema version 5 and older). */
        UNRECORDED;

        public static Failure of(AudioDecodeException.Reason reason) {
            return valueOf(reason.name());
        }
    }

    /** An analysis without a recorded failure reason (any OK one, or a failure stored before reasons). */
    public Analysis(long id, long trackId, String fingerprint, String modelSha256, String featureSpecHash,
            AnalysisMode mode, Status status, List<String> labels, float[] probabilities, String topGenre,
            float confidence, boolean uncertain, boolean padded, String error, Instant analysedAt) {
        this(id, trackId, fingerprint, modelSha256, featureSpecHash, mode, status, labels, probabilities, topGenre,
                confidence, uncertain, padded, error, analysedAt, null);
    }

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
        if (status == Status.FAILED && failure == null) {
            failure = Failure.UNRECORDED;
        }
        if (status == Status.OK && failure != null) {
            throw new IllegalArgumentException("an OK analysis has no failure");
        }
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }
}
