package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationLockTimeoutException;
import dev.cairn.migrations.SqliteErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

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
