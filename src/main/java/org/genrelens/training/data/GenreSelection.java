package org.genrelens.training.data;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Picks the clips of some genres, so a model can be trained or evaluated on any subset of them. */
public final class GenreSelection {

    private GenreSelection() {
    }

    /**
     * The clips whose genre is one of {@code genres}, in their original order.
     *
     * @throws IllegalArgumentException when no genre is given or a genre has no clips; it names the genres
     *                                  that exist, so a typo is easy to fix
     */
    public static List<LabeledClip> keep(List<LabeledClip> clips, Collection<String> genres) {
        if (genres.isEmpty()) {
            throw new IllegalArgumentException("choose at least one genre");
        }
        Set<String> present = new TreeSet<>();
        clips.forEach(clip -> present.add(clip.genre()));
        Set<String> unknown = new TreeSet<>(genres);
        unknown.removeAll(present);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no clips of the genre(s) " + unknown + "; the genres here are "
                    + present);
        }
        Set<String> wanted = Set.copyOf(genres);
        return clips.stream().filter(clip -> wanted.contains(clip.genre())).toList();
    }
}
