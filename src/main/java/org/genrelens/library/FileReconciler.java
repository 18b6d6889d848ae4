package org.genrelens.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.genrelens.audio.AudioDecoder;
import org.genrelens.audio.AudioProbe;

/**
 * Brings one file's track row up to date, reading the file only when it must: size and mtime first, then the
 * payload fingerprint, which tells a tag edit from an audio change and finds where a moved file came from.
 */
final class FileReconciler {

    private static final System.Logger LOG = System.getLogger(FileReconciler.class.getName());

    enum Outcome { NEW, CHANGED, RETAGGED, MOVED, UNCHANGED, UNREADABLE, VANISHED, NOT_AUDIO, ALREADY_SEEN }

    /** What reading the file found; exactly one of track-to-be or vanished. */
    record Inspection(String format, String fingerprint, ExistingTags tags, String unreadable,
            boolean vanished) {
    }

    private final ScanOptions options;
    private final Set<String> audioExtensions;

    FileReconciler(ScanOptions options) {
        this.options = options;
        AudioDecoder names = new AudioDecoder(Optional.empty()); // only asked for its file name extensions
        this.audioExtensions = names.readableExtensions();
    }

    /**
     * What reading one file found, before the transaction that records it; the inspection is null when the
     * stamp matched the row seen then (nothing was read).
     */
    record Observation(Path file, boolean alreadySeen, boolean vanished, IOException attributesError, long size,
            long mtime, Inspection inspection) {
    }

    /**
     * Reads the file outside any transaction (the slow part of a scan: other processes may write meanwhile).
     * Only what the row says is asked of the database.
     */
    Observation observe(LibraryDatabase db, Path file, long scanId) {
        Optional<TrackRepository.Row> row = db.read(c -> TrackRepository.findRow(c, file));
        if (seenBy(row, scanId)) {
            return new Observation(file, true, false, null, 0, 0, null);
        }
        options.beforeRead().accept(file);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return new Observation(file, false, true, null, 0, 0, null);
        } catch (IOException e) {
            return new Observation(file, false, false, e, 0, 0, null);
        }
        long size = attributes.size();
        long mtime = attributes.lastModifiedTime().toMillis();
        Track known = row.map(TrackRepository.Row::track).orElse(null);
        Inspection inspection = unchanged(known, size, mtime) ? null : inspect(file, size);
        return new Observation(file, false, false, null, size, mtime, inspection);
    }

    /** Brings the file's row up to date from what was observed; quick, for a short write transaction. */
    Outcome record(Connection c, Observation seen, long rootId, long scanId) throws SQLException {
        Path file = seen.file();
        Optional<TrackRepository.Row> row = TrackRepository.findRow(c, file); // again: another process may have
        if (seen.alreadySeen() || seenBy(row, scanId)) {
            return Outcome.ALREADY_SEEN; // committed by the killed run this scan resumes
        }
        if (seen.vanished()) {
            return Outcome.VANISHED; // a known row stays unseen and becomes GONE at the end of the scan
        }
        if (seen.attributesError() != null) {
            return saveUnreadable(c, row, file, 0, 0, "cannot read: " + seen.attributesError().getMessage(), rootId,
                    scanId);
        }
        long size = seen.size();
        long mtime = seen.mtime();
        Track known = row.map(TrackRepository.Row::track).orElse(null);
        if (unchanged(known, size, mtime)) {
            TrackRepository.touch(c, known.id(), rootId, scanId);
            return Outcome.UNCHANGED;
        }
        // the row changed since the file was observed (another scan of it); read it now, rare and quick
        Inspection found = seen.inspection() != null ? seen.inspection() : inspect(file, size);
        if (found.vanished()) {
            return Outcome.VANISHED;
        }
        if (found.unreadable() != null) {
            if (known == null && !hasAudioName(file)) {
                return Outcome.NOT_AUDIO; // cover art, playlists, notes: not audio by name nor by content
            }
            return saveUnreadable(c, row, file, size, mtime, found.unreadable(), rootId, scanId);
        }
        if (known != null && known.status() != TrackStatus.GONE) {
            boolean sameAudio = found.fingerprint().equals(known.fingerprint());
            TrackRepository.save(c, known.id(), present(file, size, mtime, found, sameAudio ? known : null),
                    rootId, scanId);
            return sameAudio ? Outcome.RETAGGED : Outcome.CHANGED;
        }
        if (known != null && found.fingerprint().equals(known.fingerprint())) {
            TrackRepository.save(c, known.id(), present(file, size, mtime, found, known), rootId, scanId);
            return Outcome.NEW; // came back to where it was: new to the library again, with its analyses
        }
        Optional<Track> origin = movedFrom(c, found.fingerprint(), scanId);
        if (origin.isPresent()) {
            if (known != null) {
                TrackRepository.delete(c, known.id()); // a gone file with other audio held this path
            }
            TrackRepository.save(c, origin.get().id(), present(file, size, mtime, found, origin.get()), rootId,
                    scanId);
            return Outcome.MOVED;
        }
        TrackRepository.save(c, known == null ? null : known.id(), present(file, size, mtime, found, null), rootId,
                scanId);
        return Outcome.NEW;
    }

    private static boolean seenBy(Optional<TrackRepository.Row> row, long scanId) {
        return row.isPresent() && row.get().lastScanId() != null && row.get().lastScanId() == scanId;
    }

    private static boolean unchanged(Track known, long size, long mtime) {
        return known != null && known.status() == TrackStatus.PRESENT && known.size() == size
                && known.modifiedMillis() == mtime;
    }

    private boolean hasAudioName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && audioExtensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** A track with this audio whose file is gone: the new path is where it moved. A copy leaves it alone. */
    private static Optional<Track> movedFrom(Connection c, String fingerprint, long scanId) throws SQLException {
        List<TrackRepository.Row> candidates = TrackRepository.notSeenWithFingerprint(c, fingerprint, scanId);
        for (TrackRepository.Row candidate : candidates) {
            Track t = candidate.track();
            if (t.status() == TrackStatus.GONE || Files.notExists(t.path())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    private Inspection inspect(Path file, long size) {
        if (size == 0) {
            return unreadable("empty file (0 bytes)");
        }
        try {
            AudioProbe.Probe probe = AudioProbe.probe(file);
            if (!probe.isAudio()) {
                return unreadable(probe.text() ? "not audio: the content is text"
                        : "not audio: the content matches no known audio format");
            }
            String fingerprint = AudioFingerprint.of(file, probe);
            return new Inspection(probe.format(), fingerprint, tags(file), null, false);
        } catch (NoSuchFileException e) {
            return new Inspection(null, null, null, null, true);
        } catch (IOException e) {
            return unreadable("cannot read: " + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    /** Tags are a courtesy: a tag the reader cannot parse does not make the audio unreadable. */
    private ExistingTags tags(Path file) {
        try {
            return options.tagsReader().read(file).orElse(ExistingTags.NONE);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "{0}: tags not read ({1})", file, e.getMessage());
            return ExistingTags.NONE;
        }
    }

    private static Inspection unreadable(String reason) {
        return new Inspection(null, null, null, reason, false);
    }

    private static Track present(Path file, long size, long mtime, Inspection found, Track sameAudio) {
        Double duration = sameAudio == null ? null : sameAudio.durationSeconds();
        return new Track(0, file, size, mtime, found.fingerprint(), found.format(), duration, found.tags(),
                TrackStatus.PRESENT, null);
    }

    private static Outcome saveUnreadable(Connection c, Optional<TrackRepository.Row> row, Path file, long size,
            long mtime, String reason, long rootId, long scanId) throws SQLException {
        Track t = new Track(0, file, size, mtime, null, null, null, ExistingTags.NONE, TrackStatus.UNREADABLE,
                reason);
        TrackRepository.save(c, row.map(r -> r.track().id()).orElse(null), t, rootId, scanId);
        return Outcome.UNREADABLE;
    }
}
