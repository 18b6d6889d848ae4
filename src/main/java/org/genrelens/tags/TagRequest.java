package org.genrelens.tags;

import java.nio.file.Path;
import java.util.Objects;
import org.genrelens.model.TrackPrediction;

/**
 * The genre someone wants in one file: either the model's prediction (subject to the policy's confidence rules)
 * or the user's own choice (written as given).
 *
 * @param prediction null for a user's choice
 */
public record TagRequest(Path file, String genre, TrackPrediction prediction) {

    public TagRequest {
        Objects.requireNonNull(file, "file");
        if (genre == null || genre.isBlank()) {
            throw new IllegalArgumentException("the genre to write for " + file + " must not be blank");
        }
        if (genre.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a genre may not contain NUL characters (ID3 uses them as separators)");
        }
        file = file.toAbsolutePath().normalize();
    }

    public static TagRequest predicted(Path file, TrackPrediction prediction) {
        return new TagRequest(file, prediction.topGenre(), prediction);
    }

    public static TagRequest chosen(Path file, String genre) {
        return new TagRequest(file, genre.strip(), null);
    }

    public boolean userChoice() {
        return prediction == null;
    }
}
