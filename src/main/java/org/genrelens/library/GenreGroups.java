package org.genrelens.library;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.genrelens.tags.GenreMap;

/**
 * Present tracks grouped by the genre of their latest analysis, named as the user's genre map shows it (the label
 * "hiphop" groups as "Hip-Hop"; labels merged into one genre form one group): one group per genre (alphabetical), then
 * {@value #UNCERTAIN}, {@value #FAILED} and {@value #NOT_ANALYSED}. Empty groups are left out.
 */
public final class GenreGroups {

    public static final String UNCERTAIN = "uncertain";
    public static final String FAILED = "failed";
    public static final String NOT_ANALYSED = "not analysed";

    private GenreGroups() {
    }

    /** Grouped by the model's labels as they are. */
    public static Map<String, List<Track>> of(LibraryDatabase db) {
        return of(db, GenreMap.empty());
    }

    public static Map<String, List<Track>> of(LibraryDatabase db, GenreMap genreMap) {
        Map<Long, Analysis> latest = db.analyses().latestPerTrack();
        Map<String, List<Track>> genres = new TreeMap<>();
        Map<String, List<Track>> rest = new LinkedHashMap<>();
        rest.put(UNCERTAIN, new ArrayList<>());
        rest.put(FAILED, new ArrayList<>());
        rest.put(NOT_ANALYSED, new ArrayList<>());
        for (Track track : db.tracks().all()) {
            if (track.status() != TrackStatus.PRESENT) {
                continue;
            }
            Analysis analysis = latest.get(track.id());
            if (analysis == null) {
                rest.get(NOT_ANALYSED).add(track);
            } else if (analysis.status() == Analysis.Status.FAILED) {
                rest.get(FAILED).add(track);
            } else if (analysis.uncertain()) {
                rest.get(UNCERTAIN).add(track);
            } else {
                genres.computeIfAbsent(genreMap.display(analysis.topGenre()), g -> new ArrayList<>()).add(track);
            }
        }
        Map<String, List<Track>> out = new LinkedHashMap<>();
        genres.forEach((genre, tracks) -> out.put(genre, List.copyOf(tracks)));
        rest.forEach((group, tracks) -> {
            if (!tracks.isEmpty()) {
                out.put(group, List.copyOf(tracks));
            }
        });
        return Collections.unmodifiableMap(out);
    }
}
