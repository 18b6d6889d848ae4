package org.genrelens.tags;

import java.util.List;
import java.util.Objects;

/**
 * The descriptive tags of one file as found on disk. Absent text fields are empty strings; genres keep every
 * value in file order (an absent genre is the empty list).
 */
public record TrackTags(String title, String artist, String album, List<String> genres) {

    public TrackTags {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(artist, "artist");
        Objects.requireNonNull(album, "album");
        genres = List.copyOf(genres);
    }

    public static TrackTags empty() {
        return new TrackTags("", "", "", List.of());
    }
}
