package org.genrelens.training.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One training example: an audio file, the genre it belongs to, and optionally the group it must not be split
 * from (its artist): cross-validation keeps a group on one side, so no artist is both learned and tested.
 *
 * @param group null when the clip stands alone (a dataset without artists)
 */
public record LabeledClip(Path file, String genre, String group) {

    public LabeledClip {
        Objects.requireNonNull(file, "file");
        if (genre == null || genre.isBlank()) {
            throw new IllegalArgumentException("the genre of " + file + " must not be blank");
        }
        if (group != null && group.isBlank()) {
            group = null;
        }
    }

    public LabeledClip(Path file, String genre) {
        this(file, genre, null);
    }

    /** What splits keep together: the group, or the file itself when it has none. */
    public String groupKey() {
        return group != null ? "group:" + group : "file:" + file;
    }
}
