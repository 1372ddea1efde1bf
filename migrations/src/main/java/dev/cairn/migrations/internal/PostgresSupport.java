package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationLockTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * PostgreSQL: a session advisory lock keyed by schema and history table, which the server drops when the
 * session ends, so a killed migrator leaves none behind. DDL is transactional.
 */
final class PostgresSupport extends DialectSupport {
    private static final long POLL_MILLIS = 100;

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public void configureSession(Connection connection, Duration lockTimeout) throws SQLException {
        if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
            // A killed client is otherwise noticed only when a long statement ends; this frees its lock sooner.
            execute(connection, "SET client_connection_check_interval = 1000");
        }
    }

    @Override
    public MigrationLock lock(Connection connection, ConnectionSource source, String lockName,
                              String historyTable, Duration timeout) throws SQLException {
        long key = key(lockName);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!tryLock(connection, key)) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new MigrationLockTimeoutException(source.describe() + " (advisory lock " + key + " for "
                        + lockName + ")", timeout, null);
            }
            sleep(Math.min(POLL_MILLIS, Math.max(1, remaining / 1_000_000)));
        }
        return () -> {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, key);
                unlock.execute();
            }
        };
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getBoolean(1);
            }
        }
    }

    static long key(String lockName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("cairn-migrations:" + lockName).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JDK has SHA-256", impossible);
        }
    }

    @Override
    public boolean useSchema(Connection connection, String schema, boolean create) throws SQLException {
        if (schema == null) {
            return true;
        }
        if (create) {
            execute(connection, "CREATE SCHEMA IF NOT EXISTS " + quote(schema));
        } else if (!exists(connection, schema)) {
            return false;
        }
        connection.setSchema(schema);
        return true;
    }

    private static boolean exists(Connection connection, String schema) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
            statement.setString(1, schema);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
