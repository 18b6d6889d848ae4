package org.genrelens.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a genre becomes in the file: its display spelling in the user's map ("hiphop" is written "Hip-Hop"), and,
 * when {@code withParents} is set, the display spellings of its broader genres after it.
 */
public record GenreWriting(GenreMap map, boolean withParents) {

    public GenreWriting {
        Objects.requireNonNull(map, "map");
    }

    /** Genres written as given, no parents; spellings are still compared by key. */
    public static GenreWriting asGiven() {
        return new GenreWriting(GenreMap.empty(), false);
    }

    /** The values one requested genre is written as. */
    public List<String> values(String genre) {
        List<String> values = new ArrayList<>();
        values.add(map.display(genre));
        if (withParents) {
            values.addAll(map.ancestors(genre));
        }
        return values;
    }
}
