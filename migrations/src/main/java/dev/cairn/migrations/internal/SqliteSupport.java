package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationLockTimeoutException;
import dev.cairn.migrations.SqliteErrors;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite: the lock is the write lock of one {@code BEGIN IMMEDIATE} transaction that spans the run, so it
 * goes away with the process; each migration is a savepoint inside it.
 */
final class SqliteSupport extends DialectSupport {
    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public void configureSession(Connection connection, Duration lockTimeout) throws SQLException {
        execute(connection, "PRAGMA busy_timeout = " + lockTimeout.toMillis());
    }

    @Override
    public int serverMajorVersion(Connection connection) {
        return 0;
    }

    @Override
    public MigrationLock lock(Connection connection, ConnectionSource source, String lockName,
                              String historyTable, Duration timeout) throws SQLException {
        begin(connection, source.describe(), timeout);
        return () -> {
            try {
                execute(connection, "COMMIT");
            } catch (SQLException failure) {
                execute(connection, "ROLLBACK");
                throw failure;
            }
        };
    }

    private static void begin(Connection connection, String target, Duration timeout) throws SQLException {
        try {
            execute(connection, "BEGIN IMMEDIATE");
        } catch (SQLException failure) {
            if (SqliteErrors.isBusy(failure)) {
                throw new MigrationLockTimeoutException(target, timeout, failure);
            }
            throw failure;
        }
    }

    @Override
    public boolean foreignKeysOn(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA foreign_keys")) {
            return result.next() && result.getInt(1) == 1;
        }
    }

    @Override
    public void setForeignKeys(Connection connection, boolean on) throws SQLException {
        execute(connection, "PRAGMA foreign_keys = " + (on ? "ON" : "OFF"));
    }

    @Override
    public List<String> foreignKeyViolations(Connection connection) throws SQLException {
        List<String> violations = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA foreign_key_check")) {
            while (result.next()) {
                violations.add("table " + result.getString(1) + " rowid " + result.getString(2)
                        + " refers to a missing row of " + result.getString(3));
            }
        }
        return violations;
    }

    /** Runs with foreign keys off (the caller switched them), so no drop order can fail or cascade. */
    @Override
    public List<String> clean(Connection connection, String schema, String lockTable) throws SQLException {
        List<String> dropped = new ArrayList<>();
        for (String[] object : rows(connection, "SELECT name, type FROM sqlite_master WHERE type IN ('view', 'table')"
                + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY CASE type WHEN 'view' THEN 0 ELSE 1 END, name",
                null)) {
            execute(connection, "DROP " + object[1].toUpperCase(java.util.Locale.ROOT) + " IF EXISTS \""
                    + object[0].replace("\"", "\"\"") + "\"");
            dropped.add(object[1] + " " + object[0]);
        }
        if (!rows(connection, "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'", null).isEmpty()) {
            execute(connection, "DELETE FROM sqlite_sequence");
        }
        return dropped;
    }

    @Override
    public void beginMigration(Connection connection) throws SQLException {
        execute(connection, "SAVEPOINT cairn_migration");
    }

    @Override
    public void commitMigration(Connection connection) throws SQLException {
        execute(connection, "RELEASE cairn_migration");
    }

    @Override
    public void rollbackMigration(Connection connection) throws SQLException {
        execute(connection, "ROLLBACK TO cairn_migration");
        execute(connection, "RELEASE cairn_migration");
    }

    @Override
    public void leaveRunTransaction(Connection connection) throws SQLException {
        execute(connection, "COMMIT");
    }

    @Override
    public void enterRunTransaction(Connection connection) throws SQLException {
        execute(connection, "BEGIN IMMEDIATE");
    }
}
