package org.genrelens.library;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryDatabaseTest {

    @TempDir
    Path tmp;

    @Test
    void aTransactionHoldsTheWriteLockFromItsStartSoAnotherProcessCannotCommitUnderWhatItRead() throws SQLException {
        Path file = tmp.resolve("lib.db");
        try (LibraryDatabase db = LibraryDatabase.open(file);
                Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement s = other.createStatement()) {
                s.execute("PRAGMA busy_timeout = 0");
            }
            SQLException refused = db.transaction(c -> {
                assertEquals("0", single(c, "SELECT count(*) FROM roots")); // reads first, as a scan batch does
                try (Statement s = other.createStatement()) {
                    s.execute("INSERT INTO roots (path, added_at) VALUES ('/other', 0)");
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            assertTrue(refused != null && LibraryDatabase.isBusy(refused),
                    "a deferred transaction would have let the other commit, then failed its own first write");
            db.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO roots (path, added_at) VALUES ('/mine', 0)");
                }
            });
            try (Statement s = other.createStatement()) {
                s.execute("INSERT INTO roots (path, added_at) VALUES ('/other', 0)"); // free again after the commit
            }
            assertEquals("2", db.read(c -> single(c, "SELECT count(*) FROM roots")));
        }
    }

    @Test
    void aNewFileGetsTheWholeSchemaInWalModeWithForeignKeysAndNoBackup() throws SQLException, java.io.IOException {
        Path file = tmp.resolve("nested/folder/lib.db");
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            assertEquals(Migrations.all().size(), db.schemaVersion());
            assertTrue(db.backup().isEmpty());
            assertEquals("wal", db.read(c -> single(c, "PRAGMA journal_mode")));
            assertEquals("1", db.read(c -> single(c, "PRAGMA foreign_keys")));
            assertEquals("2", db.read(c -> single(c, "PRAGMA synchronous")), "FULL");
            assertTrue(db.integrityProblems().isEmpty());
        }
        try (var siblings = Files.list(file.getParent())) {
            assertTrue(siblings.noneMatch(p -> p.toString().endsWith(".bak")));
        }
    }

    @Test
    void reopeningAnUpToDateDatabaseChangesNothing() throws SQLException {
        Path file = tmp.resolve("lib.db");
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            db.tagJournal().beginBatch("kept");
        }
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            assertEquals(Migrations.all().size(), db.schemaVersion());
            assertTrue(db.backup().isEmpty());
            assertEquals(1, db.tagJournal().batches().size());
            assertEquals("3", db.read(c -> single(c, "SELECT count(*) FROM sqlite_master WHERE name IN "
                    + "('tracks', 'analyses', 'tag_journal')")));
        }
    }

    @Test
    void upgradingAnOlderSchemaWritesABackupOfItFirst() throws SQLException {
        Path file = tmp.resolve("lib.db");
        try (LibraryDatabase old = LibraryDatabase.open(file, Migrations.all().subList(0, 1))) {
            assertEquals(1, old.schemaVersion());
            old.read(c -> TrackRepository.rootId(c, Path.of("/music")));
        }
        Path backup;
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            assertEquals(Migrations.all().size(), db.schemaVersion());
            backup = db.backup().orElseThrow();
            assertEquals(List.of(Path.of("/music")), db.tracks().roots());
        }
        assertTrue(backup.getFileName().toString().startsWith("lib.db.v1-"), backup.toString());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + backup)) {
            assertEquals("1", single(c, "PRAGMA user_version"));
            assertEquals("/music", single(c, "SELECT path FROM roots"));
            assertEquals("0", single(c, "SELECT count(*) FROM sqlite_master WHERE name = 'analyses'"));
        }
    }

    @Test
    void analysesFromBeforeQuickModeBecomeFullAnalyses() throws SQLException {
        Path file = tmp.resolve("lib.db");
        try (LibraryDatabase v3 = LibraryDatabase.open(file, Migrations.all().subList(0, 3))) {
            v3.read(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO tracks (path, size, mtime, fingerprint, format, status, added_at, "
                            + "updated_at) VALUES ('/m/a.wav', 1, 1, 'a1:x', 'wav', 'PRESENT', 0, 0)");
                    s.execute("INSERT INTO analyses (track_id, fingerprint, model_sha256, feature_spec_hash, status, "
                            + "error, analysed_at) VALUES (1, 'a1:x', 'm', 's', 'FAILED', 'e', 0)");
                }
                return null;
            });
        }
        try (LibraryDatabase db = LibraryDatabase.open(file)) {
            assertEquals(org.genrelens.model.AnalysisMode.FULL, db.analyses().latest(1).orElseThrow().mode());
            assertThrows(LibraryException.class, () -> db.read(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("UPDATE analyses SET mode = 'HALF'");
                }
            }));
        }
    }

    @Test
    void aDatabaseFromANewerGenreLensIsRefusedUntouched() throws SQLException {
        Path file = tmp.resolve("lib.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        LibraryException e = assertThrows(LibraryException.class, () -> LibraryDatabase.open(file));
        assertTrue(e.getMessage().contains("schema version 99"), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
    }

    @Test
    void aFailedMigrationLeavesTheOldSchema() throws SQLException {
        Path file = tmp.resolve("lib.db");
        LibraryDatabase.open(file, Migrations.all().subList(0, 1)).close();
        List<Migration> broken = List.of(Migrations.all().get(0),
                new Migration(2, "broken", List.of("CREATE TABLE half (id INTEGER)", "NOT SQL AT ALL")));
        assertThrows(LibraryException.class, () -> LibraryDatabase.open(file, broken));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals("1", single(c, "PRAGMA user_version"));
            assertEquals("0", single(c, "SELECT count(*) FROM sqlite_master WHERE name = 'half'"));
        }
    }

    @Test
    void foreignKeysAreEnforced() {
        try (LibraryDatabase db = LibraryDatabase.open(tmp.resolve("lib.db"))) {
            assertThrows(LibraryException.class, () -> db.read(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO analyses (track_id, fingerprint, "
                        + "model_sha256, feature_spec_hash, status, error, analysed_at) "
                        + "VALUES (12345, 'x', 'm', 's', 'FAILED', 'e', 0)")) {
                    return s.executeUpdate();
                }
            }));
        }
    }

    private static String single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
