package org.genrelens.library;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.genrelens.model.TagChange;
import org.genrelens.model.TagField;
import org.genrelens.tags.FileStamp;
import org.genrelens.tags.JournalEntry;
import org.genrelens.tags.TagJournal;
import org.genrelens.tags.WriteRecord;

/**
 * The tag-write journal in the library database. Every call is its own committed transaction, and the database
 * runs with {@code synchronous = FULL}, so a call has reached the disk when it returns: a write journaled PENDING
 * survives a crash of the writer.
 */
public final class SqliteTagJournal implements TagJournal {

    private final LibraryDatabase db;

    SqliteTagJournal(LibraryDatabase db) {
        this.db = db;
    }

    @Override
    public long beginBatch(String description) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO tag_batches (description, started_at) "
                    + "VALUES (?, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setString(1, description == null ? "" : description);
                s.setLong(2, System.currentTimeMillis());
                s.executeUpdate();
                return key(s);
            }
        });
    }

    @Override
    public long recordPending(long batchId, TagChange change, WriteRecord record) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO tag_journal (batch_id, track_id, path, field, "
                    + "old_value, new_value, state, recorded_at, updated_at, write_record) VALUES (?, "
                    + "(SELECT id FROM tracks WHERE path = ?), ?, ?, ?, ?, 'PENDING', ?, ?, ?)",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                long now = System.currentTimeMillis();
                s.setLong(1, batchId);
                s.setString(2, change.file().toString());
                s.setString(3, change.file().toString());
                s.setString(4, change.field().name());
                s.setString(5, StringLists.toJson(change.before()));
                s.setString(6, StringLists.toJson(change.after()));
                s.setLong(7, now);
                s.setLong(8, now);
                s.setString(9, record == null ? null : record.toJson());
                s.executeUpdate();
                return key(s);
            } catch (SQLException e) {
                if (e.getMessage() != null && e.getMessage().contains("FOREIGN KEY")) {
                    throw new IllegalArgumentException("no tag batch " + batchId + "; call beginBatch first", e);
                }
                throw e;
            }
        });
    }

    /** {@code LIBRARY.db.tag-work} beside the database file. */
    @Override
    public Path workFolder() {
        return db.file().resolveSibling(db.file().getFileName() + ".tag-work");
    }

    @Override
    public void markApplied(long entryId, FileStamp after) {
        update(entryId, JournalEntry.State.APPLIED, null, after);
    }

    @Override
    public void markFailed(long entryId, String reason) {
        update(entryId, JournalEntry.State.FAILED, reason, null);
    }

    @Override
    public void markUndone(long entryId) {
        update(entryId, JournalEntry.State.UNDONE, null, null);
    }

    @Override
    public List<JournalEntry> entries(long batchId) {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, batch_id, path, field, old_value, new_value, "
                    + "state, recorded_at, error, after_size, after_mtime, write_record FROM tag_journal "
                    + "WHERE batch_id = ? "
                    + "ORDER BY id")) {
                s.setLong(1, batchId);
                List<JournalEntry> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(entry(rs));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public List<Batch> batches() {
        return db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT b.id, b.description, b.started_at, count(j.id), "
                    + "coalesce(sum(j.state = 'APPLIED'), 0), coalesce(sum(j.state = 'UNDONE'), 0) "
                    + "FROM tag_batches b LEFT JOIN tag_journal j ON j.batch_id = b.id "
                    + "GROUP BY b.id ORDER BY b.id DESC");
                    ResultSet rs = s.executeQuery()) {
                List<Batch> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new Batch(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getInt(4), rs.getInt(5), rs.getInt(6)));
                }
                return out;
            }
        });
    }

    private void update(long entryId, JournalEntry.State state, String error, FileStamp after) {
        int updated = db.read(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE tag_journal SET state = ?, error = ?, "
                    + "after_size = coalesce(?, after_size), after_mtime = coalesce(?, after_mtime), "
                    + "updated_at = ? WHERE id = ?")) {
                s.setString(1, state.name());
                s.setString(2, error);
                setLongOrNull(s, 3, after == null ? null : after.size());
                setLongOrNull(s, 4, after == null ? null : after.modifiedMillis());
                s.setLong(5, System.currentTimeMillis());
                s.setLong(6, entryId);
                return s.executeUpdate();
            }
        });
        if (updated != 1) {
            throw new IllegalArgumentException("no tag journal entry " + entryId);
        }
    }

    private static JournalEntry entry(ResultSet rs) throws SQLException {
        TagChange change = new TagChange(Path.of(rs.getString(3)), TagField.valueOf(rs.getString(4)),
                StringLists.fromJson(rs.getString(5)), StringLists.fromJson(rs.getString(6)));
        long size = rs.getLong(10);
        boolean hasStamp = !rs.wasNull();
        FileStamp after = hasStamp ? new FileStamp(size, rs.getLong(11)) : null;
        String record = rs.getString(12);
        return new JournalEntry(rs.getLong(1), rs.getLong(2), change, JournalEntry.State.valueOf(rs.getString(7)),
                Instant.ofEpochMilli(rs.getLong(8)), rs.getString(9), after,
                record == null ? null : WriteRecord.fromJson(record));
    }

    private static void setLongOrNull(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setLong(index, value);
        }
    }

    private static long key(PreparedStatement s) throws SQLException {
        try (ResultSet keys = s.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }
}
