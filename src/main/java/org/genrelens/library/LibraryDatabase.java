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
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The library's SQLite file: opened in WAL mode with foreign keys on and full fsync on commit, migrated to the
 * newest schema on open. One connection; every access goes through {@link #read} or {@link #transaction}, which
 * serialise callers, so repositories may be shared between threads.
 * <p>
 * Other processes (the app beside the CLI, two CLI commands) may use the same file at once (decision record 0017):
 * readers never wait in WAL mode; a transaction takes the write lock when it begins ({@code BEGIN IMMEDIATE}), so
 * a commit by another process can never invalidate what it read before its first write; a writer waits up to
 * {@link #BUSY_TIMEOUT_MS} for the lock, and work that still meets a busy database is retried from the start
 * until {@link #PATIENCE_MS} have passed, instead of ending a whole scan or analysis.
 */
public final class LibraryDatabase implements AutoCloseable {

    /** Work on the connection; SQL errors become {@link LibraryException}s naming the database. */
    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** How long one statement waits for another process's write lock. */
    static final int BUSY_TIMEOUT_MS = 10_000;
    /** How long a piece of work is retried while the database stays busy; past it the caller gets the error. */
    static final long PATIENCE_MS = 120_000;
    private static final long RETRY_PAUSE_MS = 50;
    private static final System.Logger LOG = System.getLogger(LibraryDatabase.class.getName());

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
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(BUSY_TIMEOUT_MS);
            // a deferred transaction that read first fails at once, busy timeout or not, when another process
            // committed before its first write: take the write lock at BEGIN instead
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            connection = DriverManager.getConnection("jdbc:sqlite:" + absolute, config.toProperties());
            try (Statement statement = connection.createStatement()) {
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

    public ReviewSkipRepository reviewSkips() {
        return new ReviewSkipRepository(this);
    }

    public ScanRunRepository scanRuns() {
        return new ScanRunRepository(this);
    }

    /**
     * Statements or queries in autocommit mode, each its own transaction; retried while the database is busy, so
     * the work must be safe to repeat (a single write is: a busy statement changed nothing).
     */
    synchronized <T> T read(SqlWork<T> work) {
        return patiently(() -> work.apply(connection));
    }

    /**
     * All of the work commits, or none of it. Retried from the start while the database is busy, so the work must
     * have no effect outside the database beyond what may happen twice (progress reports).
     */
    synchronized <T> T transaction(SqlWork<T> work) {
        return patiently(() -> {
            connection.setAutoCommit(false); // BEGIN IMMEDIATE: waits up to the busy timeout for the write lock
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
        });
    }

    private interface Attempt<T> {
        T run() throws SQLException;
    }

    private <T> T patiently(Attempt<T> attempt) {
        long start = System.nanoTime();
        for (int tries = 1; ; tries++) {
            try {
                return attempt.run();
            } catch (SQLException e) {
                if (!isBusy(e) || (System.nanoTime() - start) / 1_000_000 >= PATIENCE_MS) {
                    throw failure(e);
                }
                LOG.log(System.Logger.Level.DEBUG, "{0}: busy ({1}); try {2} again", file, e.getMessage(), tries);
                pause();
            }
        }
    }

    /** SQLITE_BUSY or SQLITE_LOCKED, with any extended code (BUSY_SNAPSHOT, BUSY_RECOVERY...). */
    static boolean isBusy(SQLException e) {
        int code = e instanceof SQLiteException sqlite ? sqlite.getResultCode().code : e.getErrorCode();
        int primary = code & 0xff;
        return primary == SQLiteErrorCode.SQLITE_BUSY.code || primary == SQLiteErrorCode.SQLITE_LOCKED.code;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LibraryException(file, "interrupted while waiting for the database", e);
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
