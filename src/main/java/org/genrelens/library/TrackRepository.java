package org.genrelens.library;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tracks and library roots. The package-private methods take the connection of a running transaction. */
public final class TrackRepository {

    static final String COLUMNS = "t.id, t.path, t.size, t.mtime, t.fingerprint, t.format, t.duration_seconds, "
            + "t.title, t.artist, t.album, t.genres, t.status, t.reason";

    /** A track as the scanner sees it: with the scan that saw it last and its root. */
    record Row(Track track, Long lastScanId, Long rootId) {
    }

    private final LibraryDatabase db;

    TrackRepository(LibraryDatabase db) {
        this.db = db;
    }

    public Optional<Track> find(Path path) {
        return db.read(c -> findRow(c, path).map(Row::track));
    }

    public Optional<Track> find(long id) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + ", t.last_scan_id, t.root_id "
                    + "FROM tracks t WHERE t.id = ?")) {
                s.setLong(1, id);
                return first(s).map(Row::track);
            }
        });
    }

    /** Every track, by path. */
    public List<Track> all() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + ", t.last_scan_id, t.root_id "
                    + "FROM tracks t ORDER BY t.path")) {
                List<Track> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(row(rs).track());
                    }
                }
                return out;
            }
        });
    }

    public Map<TrackStatus, Long> countByStatus() {
        return db.read(c -> {
            Map<TrackStatus, Long> counts = new EnumMap<>(TrackStatus.class);
            for (TrackStatus status : TrackStatus.values()) {
                counts.put(status, 0L);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT status, count(*) FROM tracks GROUP BY status");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(TrackStatus.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    /** The analyser learns the duration when it decodes; the scan does not decode. */
    public void setDuration(long trackId, double seconds) {
        db.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE tracks SET duration_seconds = ?, updated_at = ? WHERE id = ?")) {
                s.setDouble(1, seconds);
                s.setLong(2, System.currentTimeMillis());
                s.setLong(3, trackId);
                return s.executeUpdate();
            }
        });
    }

    /** The library roots, as given to scans. */
    public List<Path> roots() {
        return db.read(c -> {
            List<Path> roots = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT path FROM roots ORDER BY path");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    roots.add(Path.of(rs.getString(1)));
                }
            }
            return roots;
        });
    }

    static long rootId(Connection c, Path root) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO roots (path, added_at) VALUES (?, ?) ON CONFLICT (path) DO NOTHING")) {
            insert.setString(1, root.toString());
            insert.setLong(2, System.currentTimeMillis());
            insert.executeUpdate();
        }
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM roots WHERE path = ?")) {
            select.setString(1, root.toString());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static Optional<Row> findRow(Connection c, Path path) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + ", t.last_scan_id, t.root_id "
                + "FROM tracks t WHERE t.path = ?")) {
            s.setString(1, path.toString());
            return first(s);
        }
    }

    /** Tracks with this fingerprint not yet seen by this scan: where a moved file may have come from. */
    static List<Row> notSeenWithFingerprint(Connection c, String fingerprint, long scanId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + ", t.last_scan_id, t.root_id "
                + "FROM tracks t WHERE t.fingerprint = ? AND t.status <> 'UNREADABLE' "
                + "AND (t.last_scan_id IS NULL OR t.last_scan_id <> ?) ORDER BY t.status = 'GONE' DESC, t.id")) {
            s.setString(1, fingerprint);
            s.setLong(2, scanId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        }
    }

    /** Inserts or, when the id is known, rewrites a track, stamping it as seen by this scan. */
    static long save(Connection c, Long id, Track t, long rootId, long scanId) throws SQLException {
        long now = System.currentTimeMillis();
        String sql = id == null
                ? "INSERT INTO tracks (path, size, mtime, fingerprint, format, duration_seconds, title, artist, "
                        + "album, genres, status, reason, root_id, last_scan_id, updated_at, added_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE tracks SET path = ?, size = ?, mtime = ?, fingerprint = ?, format = ?, "
                        + "duration_seconds = ?, title = ?, artist = ?, album = ?, genres = ?, status = ?, "
                        + "reason = ?, root_id = ?, last_scan_id = ?, updated_at = ? WHERE id = ?";
        try (PreparedStatement s = c.prepareStatement(sql, PreparedStatement.RETURN_GENERATED_KEYS)) {
            s.setString(1, t.path().toString());
            s.setLong(2, t.size());
            s.setLong(3, t.modifiedMillis());
            s.setString(4, t.fingerprint());
            s.setString(5, t.format());
            if (t.durationSeconds() == null) {
                s.setNull(6, Types.REAL);
            } else {
                s.setDouble(6, t.durationSeconds());
            }
            s.setString(7, t.tags().title());
            s.setString(8, t.tags().artist());
            s.setString(9, t.tags().album());
            s.setString(10, StringLists.toJson(t.tags().genres()));
            s.setString(11, t.status().name());
            s.setString(12, t.reason());
            s.setLong(13, rootId);
            s.setLong(14, scanId);
            s.setLong(15, now);
            s.setLong(16, id == null ? now : id);
            s.executeUpdate();
            if (id != null) {
                return id;
            }
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** Marks a file that is still there and unchanged as seen by this scan, without rewriting it. */
    static void touch(Connection c, long id, long rootId, long scanId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE tracks SET last_scan_id = ?, root_id = ? WHERE id = ?")) {
            s.setLong(1, scanId);
            s.setLong(2, rootId);
            s.setLong(3, id);
            s.executeUpdate();
        }
    }

    static void delete(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM tracks WHERE id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
    }

    /** Tracks of these roots that this scan did not see become GONE; returns how many. */
    static int markGone(Connection c, List<Long> rootIds, long scanId) throws SQLException {
        int gone = 0;
        try (PreparedStatement s = c.prepareStatement("UPDATE tracks SET status = 'GONE', updated_at = ? "
                + "WHERE root_id = ? AND status <> 'GONE' AND (last_scan_id IS NULL OR last_scan_id <> ?)")) {
            for (long rootId : rootIds) {
                s.setLong(1, System.currentTimeMillis());
                s.setLong(2, rootId);
                s.setLong(3, scanId);
                gone += s.executeUpdate();
            }
        }
        return gone;
    }

    /** Paths and reasons of the unreadable files this scan saw. */
    static Map<Path, String> unreadableSeenBy(Connection c, long scanId) throws SQLException {
        Map<Path, String> out = new java.util.LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT path, reason FROM tracks "
                + "WHERE status = 'UNREADABLE' AND last_scan_id = ? ORDER BY path")) {
            s.setLong(1, scanId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(Path.of(rs.getString(1)), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static Optional<Row> first(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            return rs.next() ? Optional.of(row(rs)) : Optional.empty();
        }
    }

    static Row row(ResultSet rs) throws SQLException {
        double duration = rs.getDouble(7);
        Double durationSeconds = rs.wasNull() ? null : duration;
        ExistingTags tags = new ExistingTags(rs.getString(8), rs.getString(9), rs.getString(10),
                StringLists.fromJson(rs.getString(11)));
        Track track = new Track(rs.getLong(1), Path.of(rs.getString(2)), rs.getLong(3), rs.getLong(4),
                rs.getString(5), rs.getString(6), durationSeconds, tags, TrackStatus.valueOf(rs.getString(12)),
                rs.getString(13));
        long lastScan = rs.getLong(14);
        Long lastScanId = rs.wasNull() ? null : lastScan;
        long root = rs.getLong(15);
        Long rootId = rs.wasNull() ? null : root;
        return new Row(track, lastScanId, rootId);
    }
}
