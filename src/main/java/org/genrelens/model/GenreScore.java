package org.genrelens.model;

/** One genre label with its probability. */
public record GenreScore(String genre, float probability) {

    public GenreScore {
        if (genre == null || genre.isBlank()) {
            throw new IllegalArgumentException("genre must not be blank");
        }
        if (!(probability >= 0f && probability <= 1.0001f)) {
            throw new IllegalArgumentException("probability must lie in [0, 1], was " + probability);
        }
    }
}
