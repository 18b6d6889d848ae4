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

    /** Every present or unreadable track (gone ones are left out), in path order. */
    public static List<LibraryEntry> loadAll(LibraryDatabase library) {
        Map<Long, Analysis> analyses = library.analyses().latestPerTrack();
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
