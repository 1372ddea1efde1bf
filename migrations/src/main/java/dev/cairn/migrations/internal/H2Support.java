package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationLockTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * H2: a row of a lock table selected {@code FOR UPDATE} on a second connection, because H2 commits DDL
 * and a lock held by the migrating connection's transaction would be released by the first CREATE TABLE.
 */
final class H2Support extends DialectSupport {
    private static final int LOCK_TIMEOUT_ERROR = 50200;
    private static final int DUPLICATE_KEY_ERROR = 23505;

    @Override
    public Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public MigrationLock lock(Connection connection, ConnectionSource source, String lockName,
                              String historyTable, Duration timeout) throws SQLException {
        String lockTable = historyTable + "_lock";
        Connection lockConnection = source.open();
        try {
            execute(lockConnection, "CREATE TABLE IF NOT EXISTS " + lockTable + " (name VARCHAR(400) PRIMARY KEY)");
            insertLockRow(lockConnection, lockTable, lockName);
            execute(lockConnection, "SET LOCK_TIMEOUT " + timeout.toMillis());
            lockConnection.setAutoCommit(false);
            try (PreparedStatement select = lockConnection.prepareStatement("SELECT name FROM " + lockTable
                    + " WHERE name = ? FOR UPDATE")) {
                select.setString(1, lockName);
                select.executeQuery().close();
            } catch (SQLException failure) {
                if (failure.getErrorCode() == LOCK_TIMEOUT_ERROR) {
                    throw new MigrationLockTimeoutException(source.describe(), timeout, failure);
                }
                throw failure;
            }
        } catch (SQLException | RuntimeException failure) {
            lockConnection.close();
            throw failure;
        }
        return () -> {
            try (lockConnection) {
                lockConnection.rollback();
            } catch (SQLException closedSession) {
                // The session is gone (an AUTO_SERVER host exited), and its row lock with it.
            }
        };
    }

    private static void insertLockRow(Connection connection, String lockTable, String lockName)
            throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM " + lockTable
                + " WHERE name = ?")) {
            exists.setString(1, lockName);
            try (ResultSet result = exists.executeQuery()) {
                if (result.next()) {
                    return;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + lockTable
                + " (name) VALUES (?)")) {
            insert.setString(1, lockName);
            insert.executeUpdate();
        } catch (SQLException failure) {
            if (failure.getErrorCode() != DUPLICATE_KEY_ERROR) {
                throw failure;
            }
        }
    }

    @Override
    public String sessionPath(Connection connection) throws SQLException {
        return connection.getSchema();
    }

    @Override
    public void restoreSessionPath(Connection connection, String path) throws SQLException {
        connection.setSchema(path);
    }

    @Override
    public boolean useSchema(Connection connection, String schema, boolean create) throws SQLException {
        if (schema == null) {
            return true;
        }
        if (create) {
            execute(connection, "CREATE SCHEMA IF NOT EXISTS " + PostgresSupport.quote(schema));
        } else {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
                statement.setString(1, schema);
                try (ResultSet result = statement.executeQuery()) {
                    if (!result.next()) {
                        return false;
                    }
                }
            }
        }
        connection.setSchema(schema);
        return true;
    }
}
