package org.genrelens.workspace.review;

import java.util.List;
import java.util.Objects;
import org.genrelens.library.Track;

/**
 * One track the review queue asks about.
 *
 * @param kind          why it is asked about
 * @param track         the file, with the tags found at scan time
 * @param tag           the genre tag a "keep tag" decision confirms (display spelling): the first tag the model
 *                      knows for {@link Kind#DISAGREES}, the first tag for {@link Kind#UNSURE}; null when untagged
 * @param predicted     the model's genre (display spelling)
 * @param confidence    the model's probability for it
 * @param runnerUp      the second most probable genre (display spelling; empty for a one-genre model)
 * @param runnerUpProbability its probability
 * @param score         how much a decision would teach the model, 0..1 (decision 0021); the queue's order
 */
public record ReviewItem(Kind kind, Track track, String tag, String predicted, double confidence, String runnerUp,
        double runnerUpProbability, double score) {

    /** Why a track is in the queue. */
    public enum Kind {
        /** Its genre tag is one the model knows, and the model is sure it is something else. */
        DISAGREES,
        /** It has no tag the model knows, and the model hesitates between genres. */
        UNSURE
    }

    public ReviewItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(predicted, "predicted");
        if (kind == Kind.DISAGREES && tag == null) {
            throw new IllegalArgumentException("a disagreement needs the tag it disagrees with: " + track.path());
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("a review score is in [0, 1], was " + score);
        }
    }

    /** The file's genre tags as scanned (display spellings). */
    public List<String> tags() {
        return track.tags().genres();
    }

    public long trackId() {
        return track.id();
    }
}
