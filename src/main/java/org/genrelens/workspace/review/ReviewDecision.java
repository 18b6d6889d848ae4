package org.genrelens.workspace.review;

import java.util.Objects;

/**
 * What the user decided about one {@link ReviewItem}. Every decision but a skip becomes the track's correction,
 * which tagging writes and the next training learns.
 *
 * @param action what was decided
 * @param genre  the genre typed or chosen for {@link Action#CORRECT}, else null
 */
public record ReviewDecision(Action action, String genre) {

    public enum Action {
        /** The audio is right: confirm the model's genre. */
        ACCEPT,
        /** The tag is right: confirm the tag's genre. */
        KEEP_TAG,
        /** Neither: confirm the genre the user gives. */
        CORRECT,
        /** Do not decide; do not ask again about this audio. */
        SKIP
    }

    public ReviewDecision {
        Objects.requireNonNull(action, "action");
        if (action == Action.CORRECT && (genre == null || genre.isBlank())) {
            throw new IllegalArgumentException("a correction needs the genre to confirm");
        }
        if (action != Action.CORRECT && genre != null) {
            throw new IllegalArgumentException("only a correction names a genre");
        }
    }

    public static ReviewDecision accept() {
        return new ReviewDecision(Action.ACCEPT, null);
    }

    public static ReviewDecision keepTag() {
        return new ReviewDecision(Action.KEEP_TAG, null);
    }

    public static ReviewDecision correct(String genre) {
        return new ReviewDecision(Action.CORRECT, genre);
    }

    public static ReviewDecision skip() {
        return new ReviewDecision(Action.SKIP, null);
    }
}
