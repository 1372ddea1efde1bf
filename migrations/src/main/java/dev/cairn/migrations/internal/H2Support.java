package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationLockTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    public List<String> clean(Connection connection, String schema, String lockTable) throws SQLException {
        List<String> dropped = new ArrayList<>();
        String quotedSchema = PostgresSupport.quote(schema);
        for (String[] table : rows(connection, "SELECT table_name, table_type FROM information_schema.tables"
                + " WHERE table_schema = ? ORDER BY CASE table_type WHEN 'VIEW' THEN 0 ELSE 1 END, table_name",
                schema)) {
            // The lock table's row is held by the lock's own connection: dropping it would wait for this run.
            if (table[0].equalsIgnoreCase(lockTable)) {
                continue;
            }
            String kind = table[1].equals("VIEW") ? "VIEW" : "TABLE";
            execute(connection, "DROP " + kind + " IF EXISTS " + quotedSchema + "." + PostgresSupport.quote(table[0])
                    + " CASCADE");
            dropped.add(kind.toLowerCase(java.util.Locale.ROOT) + " " + table[0]);
        }
        for (String[] sequence : rows(connection, "SELECT sequence_name FROM information_schema.sequences"
                + " WHERE sequence_schema = ?", schema)) {
            execute(connection, "DROP SEQUENCE IF EXISTS " + quotedSchema + "." + PostgresSupport.quote(sequence[0]));
            dropped.add("sequence " + sequence[0]);
        }
        for (String[] domain : rows(connection, "SELECT domain_name FROM information_schema.domains"
                + " WHERE domain_schema = ?", schema)) {
            execute(connection, "DROP DOMAIN IF EXISTS " + quotedSchema + "." + PostgresSupport.quote(domain[0])
                    + " CASCADE");
            dropped.add("domain " + domain[0]);
        }
        for (String[] alias : rows(connection, "SELECT DISTINCT routine_name FROM information_schema.routines"
                + " WHERE routine_schema = ?", schema)) {
            execute(connection, "DROP ALIAS IF EXISTS " + quotedSchema + "." + PostgresSupport.quote(alias[0]));
            dropped.add("alias " + alias[0]);
        }
        return dropped;
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
