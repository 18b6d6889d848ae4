package org.genrelens.library;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Genres the user confirmed or chose for a track: labels for training later. The audio fingerprint is kept with
 * each, so the label still names the right audio if the file changes.
 */
public final class ConfirmedGenreRepository {

    /** One confirmed label. */
    public record Confirmed(long trackId, Path path, String fingerprint, String genre) {
    }

    private final LibraryDatabase db;

    ConfirmedGenreRepository(LibraryDatabase db) {
        this.db = db;
    }

    public void confirm(long trackId, String genre) {
        if (genre == null || genre.isBlank()) {
            throw new IllegalArgumentException("a confirmed genre must not be blank");
        }
        db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO confirmed_genres (track_id, genre, "
                    + "fingerprint, confirmed_at) VALUES (?, ?, (SELECT fingerprint FROM tracks WHERE id = ?), ?) "
                    + "ON CONFLICT (track_id, genre) DO UPDATE SET fingerprint = excluded.fingerprint, "
                    + "confirmed_at = excluded.confirmed_at")) {
                s.setLong(1, trackId);
                s.setString(2, genre);
                s.setLong(3, trackId);
                s.setLong(4, System.currentTimeMillis());
                return s.executeUpdate();
            }
        });
    }

    /** The track's only confirmed genre from now on: earlier ones are withdrawn in the same transaction. */
    public void replace(long trackId, String genre) {
        if (genre == null || genre.isBlank()) {
            throw new IllegalArgumentException("a confirmed genre must not be blank");
        }
        db.transaction(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM confirmed_genres WHERE track_id = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO confirmed_genres (track_id, genre, "
                            + "fingerprint, confirmed_at) VALUES (?, ?, (SELECT fingerprint FROM tracks WHERE id = ?), "
                            + "?)")) {
                delete.setLong(1, trackId);
                delete.executeUpdate();
                insert.setLong(1, trackId);
                insert.setString(2, genre.strip());
                insert.setLong(3, trackId);
                insert.setLong(4, System.currentTimeMillis());
                return insert.executeUpdate();
            }
        });
    }

    public void withdraw(long trackId, String genre) {
        db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "DELETE FROM confirmed_genres WHERE track_id = ? AND genre = ?")) {
                s.setLong(1, trackId);
                s.setString(2, genre);
                return s.executeUpdate();
            }
        });
    }

    /** Every confirmed label, by path. */
    public List<Confirmed> all() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT g.track_id, t.path, g.fingerprint, g.genre "
                    + "FROM confirmed_genres g JOIN tracks t ON t.id = g.track_id ORDER BY t.path, g.genre");
                    ResultSet rs = s.executeQuery()) {
                List<Confirmed> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Confirmed(rs.getLong(1), Path.of(rs.getString(2)), rs.getString(3),
                            rs.getString(4)));
                }
                return out;
            }
        });
    }
}
