package org.genrelens.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.genrelens.library.Analysis;
import org.genrelens.library.ConfirmedGenreRepository;
import org.genrelens.library.LibraryDatabase;
import org.genrelens.library.Track;
import org.genrelens.library.TrackStatus;

/**
 * One track as the desktop app shows it: the file, its latest analysis (null until analysed) and the genre the
 * user chose by hand (null when none).
 */
public record LibraryEntry(Track track, Analysis analysis, String correctedGenre) {

    public boolean present() {
        return track.status() == TrackStatus.PRESENT;
    }

    public boolean analysed() {
        return analysis != null && analysis.status() == Analysis.Status.OK;
    }

    public boolean failed() {
        return track.status() == TrackStatus.UNREADABLE
                || analysis != null && analysis.status() == Analysis.Status.FAILED;
    }

    /** Why the track could not be read or analysed, else null. */
    public String failureReason() {
        if (track.status() == TrackStatus.UNREADABLE) {
            return track.reason();
        }
        return analysis != null && analysis.status() == Analysis.Status.FAILED ? analysis.error() : null;
    }

    /** Every present or unreadable track (gone ones are left out), with its newest analysis by any model. */
    public static List<LibraryEntry> loadAll(LibraryDatabase library) {
        return loadAll(library, null);
    }

    /**
     * Every present or unreadable track (gone ones are left out), with its newest analysis by the given model
     * (by any model when {@code modelSha256} is null): after switching back to an earlier model, its own
     * analyses are shown again, not the newer model's.
     */
    public static List<LibraryEntry> loadAll(LibraryDatabase library, String modelSha256) {
        Map<Long, Analysis> analyses = modelSha256 == null ? library.analyses().latestPerTrack()
                : library.analyses().latestPerTrack(modelSha256);
        Map<Long, String> corrections = new HashMap<>();
        for (ConfirmedGenreRepository.Confirmed confirmed : library.confirmedGenres().all()) {
            corrections.put(confirmed.trackId(), confirmed.genre());
        }
        List<LibraryEntry> entries = new ArrayList<>();
        for (Track track : library.tracks().all()) {
            if (track.status() != TrackStatus.GONE) {
                entries.add(new LibraryEntry(track, analyses.get(track.id()), corrections.get(track.id())));
            }
        }
        return entries;
    }
}
