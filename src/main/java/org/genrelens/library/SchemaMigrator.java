package org.genrelens.library;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Brings a database to the newest schema. The version lives in SQLite's {@code user_version} and is set in the
 * same transaction as the migration's statements, so a crash leaves either the old or the new schema. An existing
 * database is copied before the first migration (beets' habit: never upgrade a user's only copy).
 */
final class SchemaMigrator {

    private static final System.Logger LOG = System.getLogger(SchemaMigrator.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final List<Migration> migrations;

    SchemaMigrator(List<Migration> migrations) {
        this.migrations = List.copyOf(migrations);
        for (int i = 0; i < this.migrations.size(); i++) {
            if (this.migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migrations must be numbered 1, 2, 3... in order; position "
                        + (i + 1) + " holds version " + this.migrations.get(i).version());
            }
        }
    }

    int latestVersion() {
        return migrations.size();
    }

    /** Applies the missing migrations; returns the backup written first, if the database had a schema. */
    Optional<Path> migrate(Connection connection, Path file) throws SQLException {
        int current = userVersion(connection);
        if (current > latestVersion()) {
            throw new LibraryException(file, "the database has schema version " + current
                    + " but this GenreLens knows only up to " + latestVersion()
                    + "; use a newer GenreLens, or --db to point at another database", null);
        }
        if (current == latestVersion()) {
            return Optional.empty();
        }
        Optional<Path> backup = current > 0 ? Optional.of(backup(connection, file, current)) : Optional.empty();
        for (Migration migration : migrations.subList(current, migrations.size())) {
            apply(connection, migration);
            LOG.log(System.Logger.Level.INFO, "{0}: migrated to schema {1} ({2})", file, migration.version(),
                    migration.description());
        }
        return backup;
    }

    static int userVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** VACUUM INTO writes a consistent copy that includes what is still in the WAL file. */
    private static Path backup(Connection connection, Path file, int version) throws SQLException {
        String name = file.getFileName() + ".v" + version + "-" + LocalDateTime.now().format(STAMP) + ".bak";
        Path target = file.resolveSibling(name);
        for (int n = 2; Files.exists(target); n++) {
            target = file.resolveSibling(name.replace(".bak", "-" + n + ".bak"));
        }
        try (PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
            vacuum.setString(1, target.toString());
            vacuum.execute();
        }
        LOG.log(System.Logger.Level.INFO, "{0}: backed up schema {1} to {2} before migrating", file, version,
                target);
        return target;
    }

    /**
     * Applies one migration unless another process already did: the version is read again after BEGIN IMMEDIATE
     * took the write lock, so two processes opening a new library at once do not both create its tables.
     */
    private static void apply(Connection connection, Migration migration) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            if (userVersion(connection) < migration.version()) {
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                }
                // a PRAGMA takes no parameters; the version is an int from our own list, never user input
                statement.execute("PRAGMA user_version = " + migration.version());
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
