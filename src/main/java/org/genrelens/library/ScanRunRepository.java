package org.genrelens.library;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The scan_runs rows: progress and counts, committed together with the tracks they count. */
public final class ScanRunRepository {

    private static final String COLUMNS = "id, roots, state, started_at, finished_at, files_total, files_done, "
            + "new_count, changed_count, retagged_count, moved_count, unchanged_count, unreadable_count, gone_count";

    private final LibraryDatabase db;

    ScanRunRepository(LibraryDatabase db) {
        this.db = db;
    }

    /** The newest scan, finished or not. */
    public Optional<ScanRun> latest() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM scan_runs ORDER BY id DESC LIMIT 1")) {
                return first(s);
            }
        });
    }

    public Optional<ScanRun> find(long id) {
        return db.read(c -> find(c, id));
    }

    static Optional<ScanRun> find(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM scan_runs WHERE id = ?")) {
            s.setLong(1, id);
            return first(s);
        }
    }

    /** The unfinished scan of exactly these roots, if the last one was killed or cancelled. */
    static Optional<ScanRun> unfinished(Connection c, List<String> roots) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                + " FROM scan_runs WHERE state = 'RUNNING' AND roots = ? ORDER BY id DESC LIMIT 1")) {
            s.setString(1, StringLists.toJson(roots));
            return first(s);
        }
    }

    /** Starts a scan; unfinished scans of other roots can no longer be resumed and are abandoned. */
    static long start(Connection c, List<String> roots) throws SQLException {
        try (PreparedStatement abandon = c.prepareStatement(
                "UPDATE scan_runs SET state = 'ABANDONED', finished_at = ? WHERE state = 'RUNNING'")) {
            abandon.setLong(1, System.currentTimeMillis());
            abandon.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO scan_runs (roots, state, started_at) "
                + "VALUES (?, 'RUNNING', ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            s.setString(1, StringLists.toJson(roots));
            s.setLong(2, System.currentTimeMillis());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void setTotal(Connection c, long id, long total) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE scan_runs SET files_total = ? WHERE id = ?")) {
            s.setLong(1, total);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    /** Adds one committed batch's counts; called in the batch's transaction. */
    static void add(Connection c, long id, long files, ScanCounts delta) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE scan_runs SET files_done = files_done + ?, "
                + "new_count = new_count + ?, changed_count = changed_count + ?, "
                + "retagged_count = retagged_count + ?, moved_count = moved_count + ?, "
                + "unchanged_count = unchanged_count + ?, unreadable_count = unreadable_count + ?, "
                + "gone_count = gone_count + ? WHERE id = ?")) {
            s.setLong(1, files);
            s.setLong(2, delta.newTracks());
            s.setLong(3, delta.changed());
            s.setLong(4, delta.retagged());
            s.setLong(5, delta.moved());
            s.setLong(6, delta.unchanged());
            s.setLong(7, delta.unreadable());
            s.setLong(8, delta.gone());
            s.setLong(9, id);
            s.executeUpdate();
        }
    }

    static void complete(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE scan_runs SET state = 'COMPLETED', finished_at = ? WHERE id = ?")) {
            s.setLong(1, System.currentTimeMillis());
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    private static Optional<ScanRun> first(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            long finished = rs.getLong(5);
            Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
            ScanCounts counts = new ScanCounts(rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                    rs.getLong(12), rs.getLong(13), rs.getLong(14));
            return Optional.of(new ScanRun(rs.getLong(1), StringLists.fromJson(rs.getString(2)),
                    ScanRun.State.valueOf(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4)), finishedAt,
                    rs.getLong(6), rs.getLong(7), counts));
        }
    }
}
