package org.genrelens.library;

import java.util.List;

/** The tags a file already carries, as found at scan time; absent fields are null, no genre is the empty list. */
public record ExistingTags(String title, String artist, String album, List<String> genres) {

    public static final ExistingTags NONE = new ExistingTags(null, null, null, List.of());

    public ExistingTags {
        genres = genres == null ? List.of() : List.copyOf(genres);
    }
}
