package org.genrelens.library;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.genrelens.model.AnalysisMode;
import org.genrelens.tags.GenreMap;

/**
 * A summary of the library for {@code genrelens stats}.
 *
 * @param byStatus tracks per status
 * @param byFormat present tracks per container format
 * @param byGroup  present tracks per genre group ({@link GenreGroups})
 * @param byMode   tracks whose newest analysis succeeded, per the mode that made it (quick ones await a full run)
 */
public record LibraryStats(Path database, int schemaVersion, List<Path> roots, Map<TrackStatus, Long> byStatus,
        Map<String, Long> byFormat, Map<String, Long> byGroup, Optional<ScanRun> lastScan,
        Map<AnalysisMode, Long> byMode) {

    public LibraryStats {
        roots = List.copyOf(roots);
        byStatus = Collections.unmodifiableMap(new LinkedHashMap<>(byStatus));
        byFormat = Collections.unmodifiableMap(new LinkedHashMap<>(byFormat));
        byGroup = Collections.unmodifiableMap(new LinkedHashMap<>(byGroup));
        byMode = Collections.unmodifiableMap(new java.util.EnumMap<>(byMode.isEmpty()
                ? Map.of(AnalysisMode.FULL, 0L) : byMode));
    }

    /** Groups named by the model's labels as they are. */
    public static LibraryStats of(LibraryDatabase db) {
        return of(db, GenreMap.empty());
    }

    /** Groups named as the user's genre map shows them, as {@code list --by-genre} and the app name them. */
    public static LibraryStats of(LibraryDatabase db, GenreMap genreMap) {
        Map<String, Long> byFormat = new TreeMap<>();
        for (Track track : db.tracks().all()) {
            if (track.status() == TrackStatus.PRESENT) {
                byFormat.merge(track.format(), 1L, Long::sum);
            }
        }
        Map<String, Long> byGroup = new LinkedHashMap<>();
        GenreGroups.of(db, genreMap).forEach((group, tracks) -> byGroup.put(group, (long) tracks.size()));
        Map<AnalysisMode, Long> byMode = new java.util.EnumMap<>(AnalysisMode.class);
        for (AnalysisMode mode : AnalysisMode.values()) {
            byMode.put(mode, 0L);
        }
        for (Analysis analysis : db.analyses().latestPerTrack().values()) {
            if (analysis.status() == Analysis.Status.OK) {
                byMode.merge(analysis.mode(), 1L, Long::sum);
            }
        }
        return new LibraryStats(db.file(), db.schemaVersion(), db.tracks().roots(), db.tracks().countByStatus(),
                byFormat, byGroup, db.scanRuns().latest(), byMode);
    }
}
