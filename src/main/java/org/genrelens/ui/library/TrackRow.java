package org.genrelens.ui.library;

import java.nio.file.Path;
import org.genrelens.tags.GenreMap;
import org.genrelens.workspace.LibraryEntry;

/**
 * One line of the library table, computed once from a {@link LibraryEntry}.
 *
 * @param group       the genre group the track is listed under: the user's correction, else the prediction, else
 *                    one of the special groups (uncertain, failed, not analysed)
 * @param predicted   the model's top genre, or "" before analysis
 * @param confidence  the model's confidence in it, or -1 before analysis
 * @param existingTag the genre tag in the file today, or ""
 * @param status      analysed / uncertain / failed / not analysed / corrected
 */
public record TrackRow(long trackId, Path path, String title, String artist, String album, double durationSeconds,
        String group, String predicted, double confidence, String existingTag, String correctedGenre, String status,
        String failureReason, LibraryEntry entry) {

    public static final String UNCERTAIN = "uncertain";
    public static final String FAILED = "failed";
    public static final String NOT_ANALYSED = "not analysed";

    public static TrackRow of(LibraryEntry entry) {
        return of(entry, GenreMap.empty());
    }

    /** A row whose genres read as the genre map shows them ("hiphop" as "Hip-Hop"). */
    public static TrackRow of(LibraryEntry entry, GenreMap genreMap) {
        var track = entry.track();
        var tags = track.tags();
        String fileName = track.path().getFileName() == null ? track.path().toString()
                : track.path().getFileName().toString();
        String title = blank(tags.title()) ? fileName : tags.title();
        String predicted = entry.analysed() ? genreMap.display(entry.analysis().topGenre()) : "";
        double confidence = entry.analysed() ? entry.analysis().confidence() : -1;
        String status;
        String group;
        if (entry.failed()) {
            status = FAILED;
            group = FAILED;
        } else if (!entry.analysed()) {
            status = NOT_ANALYSED;
            group = NOT_ANALYSED;
        } else if (entry.analysis().uncertain()) {
            status = UNCERTAIN;
            group = UNCERTAIN;
        } else {
            status = entry.analysis().mode() == org.genrelens.model.AnalysisMode.QUICK ? "quick look" : "analysed";
            group = predicted;
        }
        if (entry.correctedGenre() != null) {
            status = "corrected";
            group = genreMap.display(entry.correctedGenre());
        }
        double duration = track.durationSeconds() == null ? -1 : track.durationSeconds();
        return new TrackRow(track.id(), track.path(), title, nullToEmpty(tags.artist()), nullToEmpty(tags.album()),
                duration, group, predicted, confidence, String.join("; ", genreMap.displayAll(tags.genres())),
                entry.correctedGenre() == null ? "" : entry.correctedGenre(), status,
                entry.failureReason() == null ? "" : entry.failureReason(), entry);
    }

    /** Whether the search text matches title, artist, album, genre, tag or path (case-insensitive). */
    public boolean matches(String lowerCaseQuery) {
        if (lowerCaseQuery.isEmpty()) {
            return true;
        }
        return contains(title, lowerCaseQuery) || contains(artist, lowerCaseQuery) || contains(album, lowerCaseQuery)
                || contains(group, lowerCaseQuery) || contains(existingTag, lowerCaseQuery)
                || contains(path.toString(), lowerCaseQuery);
    }

    public String durationText() {
        if (durationSeconds < 0) {
            return "";
        }
        long seconds = Math.round(durationSeconds);
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }

    private static boolean contains(String text, String lowerCaseQuery) {
        return text != null && text.toLowerCase(java.util.Locale.ROOT).contains(lowerCaseQuery);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
