package org.genrelens.library;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The library's SQLite file: opened in WAL mode with foreign keys on and full fsync on commit, migrated to the
 * newest schema on open. One connection; every access goes through {@link #read} or {@link #transaction}, which
 * serialise callers, so repositories may be shared between threads.
 */
public final class LibraryDatabase implements AutoCloseable {

    /** Work on the connection; SQL errors become {@link LibraryException}s naming the database. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;
    private final Optional<Path> backup;
    private final int schemaVersion;

    private LibraryDatabase(Path file, Connection connection, Optional<Path> backup, int schemaVersion) {
        this.file = file;
        this.connection = connection;
        this.backup = backup;
        this.schemaVersion = schemaVersion;
    }

    /** Opens (creating it and its folder when missing) and migrates the database file. */
    public static LibraryDatabase open(Path file) {
        return open(file, Migrations.all());
    }

    static LibraryDatabase open(Path file, List<Migration> migrations) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new LibraryException(absolute, "cannot create the folder for the database (" + e.getMessage()
                    + "); choose a writable place with --db", e);
        }
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + absolute);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 10000");
                statement.execute("PRAGMA journal_mode = WAL");
                statement.execute("PRAGMA foreign_keys = ON");
                // FULL: a commit is on disk when it returns, which the tag journal promises its callers
                statement.execute("PRAGMA synchronous = FULL");
            }
            SchemaMigrator migrator = new SchemaMigrator(migrations);
            Optional<Path> backup = migrator.migrate(connection, absolute);
            return new LibraryDatabase(absolute, connection, backup, SchemaMigrator.userVersion(connection));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new LibraryException(absolute, "cannot open the library database (" + e.getMessage()
                    + "); if it is damaged, restore a .bak copy beside it or start a new one with --db", e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public int schemaVersion() {
        return schemaVersion;
    }

    /** The copy written before this open migrated an older schema, if it did. */
    public Optional<Path> backup() {
        return backup;
    }

    /** SQLite's own consistency check: the empty list when the file is sound, else its complaints. */
    public List<String> integrityProblems() {
        return read(c -> {
            List<String> problems = new ArrayList<>();
            try (Statement statement = c.createStatement();
                    ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
                while (rs.next()) {
                    if (!"ok".equals(rs.getString(1))) {
                        problems.add(rs.getString(1));
                    }
                }
            }
            try (Statement statement = c.createStatement();
                    ResultSet rs = statement.executeQuery("PRAGMA foreign_key_check")) {
                while (rs.next()) {
                    problems.add("foreign key broken in " + rs.getString(1) + " row " + rs.getLong(2));
                }
            }
            return problems;
        });
    }

    public TrackRepository tracks() {
        return new TrackRepository(this);
    }

    public AnalysisRepository analyses() {
        return new AnalysisRepository(this);
    }

    public SqliteTagJournal tagJournal() {
        return new SqliteTagJournal(this);
    }

    public ConfirmedGenreRepository confirmedGenres() {
        return new ConfirmedGenreRepository(this);
    }

    public ScanRunRepository scanRuns() {
        return new ScanRunRepository(this);
    }

    /** One statement or query in autocommit mode. */
    synchronized <T> T read(SqlWork<T> work) {
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** All of the work commits, or none of it. */
    synchronized <T> T transaction(SqlWork<T> work) {
        try {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private LibraryException failure(SQLException e) {
        return new LibraryException(file, "database error: " + e.getMessage()
                + " (another GenreLens may hold the file; close it and retry)", e);
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the open already failed; that error is the one to report
            }
        }
    }
}
