package org.genrelens.library;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;

/**
 * Tracks the user skipped in the review queue, kept by audio fingerprint (decision 0021): the same audio is not
 * asked about again, under any path, until its audio changes.
 */
public final class ReviewSkipRepository {

    private final LibraryDatabase db;

    ReviewSkipRepository(LibraryDatabase db) {
        this.db = db;
    }

    /** Remembers the track's present audio as skipped; a track without a fingerprint (unreadable) is refused. */
    public void skip(long trackId) {
        int stored = db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO review_skips (fingerprint, track_id, "
                    + "skipped_at) SELECT fingerprint, id, ? FROM tracks WHERE id = ? AND fingerprint IS NOT NULL "
                    + "ON CONFLICT (fingerprint) DO UPDATE SET track_id = excluded.track_id, "
                    + "skipped_at = excluded.skipped_at")) {
                s.setLong(1, System.currentTimeMillis());
                s.setLong(2, trackId);
                return s.executeUpdate();
            }
        });
        if (stored == 0) {
            throw new IllegalArgumentException("track " + trackId + " has no audio fingerprint to skip; rescan it");
        }
    }

    /** The fingerprints of every skipped audio. */
    public Set<String> fingerprints() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT fingerprint FROM review_skips");
                    ResultSet rs = s.executeQuery()) {
                Set<String> out = new HashSet<>();
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
                return out;
            }
        });
    }
}
