package org.genrelens.workspace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.genrelens.tags.GenreMap;
import org.genrelens.training.data.LabeledClip;

/**
 * What a user's library gives to train on: each present track's genre (the hand correction, else its first genre
 * tag), as the canonical name in the user's genre map, with its artist (else album) as the group cross-validation
 * keeps together. Only genres with at least {@code minTracks} tracks are used; the others, and the tracks without a
 * genre, are counted and named, never dropped silently. The Train tab and {@code genrelens train --library} both
 * read the library through this.
 *
 * @param clips          the tracks to train on
 * @param tooFew         genres below the minimum, with their track counts
 * @param withoutGenre   present tracks with neither a correction nor a genre tag
 * @param minTracks      the minimum that was applied
 */
public record LibraryTrainingSet(List<LabeledClip> clips, Map<String, Integer> tooFew, List<Path> withoutGenre,
        int minTracks) {

    /** The default minimum number of tracks for a genre to be learned. */
    public static final int DEFAULT_MIN_TRACKS = 20;

    public LibraryTrainingSet {
        clips = List.copyOf(clips);
        tooFew = java.util.Collections.unmodifiableMap(new TreeMap<>(tooFew)); // sorted: the summary names them in order
        withoutGenre = List.copyOf(withoutGenre);
    }

    public static LibraryTrainingSet of(List<LibraryEntry> entries, GenreMap genreMap, int minTracks) {
        if (minTracks < 1) {
            throw new IllegalArgumentException("the minimum tracks per genre must be at least 1, was " + minTracks);
        }
        List<LabeledClip> all = new ArrayList<>();
        List<Path> withoutGenre = new ArrayList<>();
        for (LibraryEntry entry : entries) {
            if (!entry.present()) {
                continue;
            }
            String genre = entry.correctedGenre() != null ? entry.correctedGenre()
                    : entry.track().tags().genres().stream().filter(g -> !g.isBlank()).findFirst().orElse(null);
            if (genre == null) {
                withoutGenre.add(entry.track().path());
                continue;
            }
            var tags = entry.track().tags();
            String group = tags.artist() != null && !tags.artist().isBlank() ? "artist:" + tags.artist().strip()
                    .toLowerCase(Locale.ROOT) : tags.album() != null && !tags.album().isBlank()
                    ? "album:" + tags.album().strip().toLowerCase(Locale.ROOT) : null;
            all.add(new LabeledClip(entry.track().path(), label(genreMap, genre), group));
        }
        Map<String, Integer> counts = all.stream().collect(Collectors.groupingBy(LabeledClip::genre, TreeMap::new,
                Collectors.summingInt(clip -> 1)));
        Map<String, Integer> tooFew = new TreeMap<>();
        counts.forEach((genre, count) -> {
            if (count < minTracks) {
                tooFew.put(genre, count);
            }
        });
        List<LabeledClip> kept = all.stream().filter(clip -> !tooFew.containsKey(clip.genre())).toList();
        return new LibraryTrainingSet(kept, tooFew, withoutGenre, minTracks);
    }

    /** A genre's training label: its canonical name, or for a genre the map does not know, the lower-cased tag. */
    static String label(GenreMap genreMap, String genre) {
        return genreMap.find(genre).map(GenreMap.Genre::name)
                .orElseGet(() -> genreMap.display(genre).toLowerCase(Locale.ROOT));
    }

    /** One line for the user: what is used and what is not, and why. */
    public String summary() {
        long genres = clips.stream().map(LabeledClip::genre).distinct().count();
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%d tracks in %d genres with at least %d "
                + "tracks each", clips.size(), genres, minTracks));
        if (!tooFew.isEmpty()) {
            text.append("; not used, too few tracks: ").append(tooFew.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")));
        }
        if (!withoutGenre.isEmpty()) {
            text.append("; ").append(withoutGenre.size()).append(" tracks without a genre");
        }
        return text.toString();
    }
}
