package org.genrelens.training.data;

import java.nio.file.Path;
import java.util.Objects;

/** One training example: an audio file and the genre it belongs to. */
public record LabeledClip(Path file, String genre) {

    public LabeledClip {
        Objects.requireNonNull(file, "file");
        if (genre == null || genre.isBlank()) {
            throw new IllegalArgumentException("the genre of " + file + " must not be blank");
        }
    }
}
