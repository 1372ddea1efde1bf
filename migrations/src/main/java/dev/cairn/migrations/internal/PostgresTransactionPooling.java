package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationLockTimeoutException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * PostgreSQL reached through a transaction-pooling proxy (PgBouncer in {@code pool_mode=transaction}), which may
 * run each transaction on another server session: nothing is kept in a session between transactions. The lock is
 * a transaction advisory lock, on the key of the session lock, taken as each migration's transaction begins and
 * released by its commit or rollback, so a migrator killed halfway leaves none behind (the proxy closes the
 * server session of a client that vanished inside a transaction, and the server rolls it back); the engine
 * reads the history again under it ({@link Session#appliedMeanwhile}). The schema and a client check interval
 * are {@code SET LOCAL} in each transaction. Wraps {@link PostgresSupport} for everything else. One per session;
 * not thread-safe.
 */
final class PostgresTransactionPooling extends DialectSupport {
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final DialectSupport postgres;
    private final ConnectionSource source;
    private final Duration lockTimeout;
    private String lockName;
    private long key;
    private String schema;

    PostgresTransactionPooling(DialectSupport postgres, ConnectionSource source, Duration lockTimeout) {
        this.postgres = postgres;
        this.source = source;
        this.lockTimeout = lockTimeout;
    }

    @Override
    public Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    public boolean transactionalDdl() {
        return postgres.transactionalDdl();
    }

    /** Nothing for the session: a setting would stay with whichever server session ran it. */
    @Override
    public void configureSession(Connection connection, Duration timeout) {
    }

    /** Holds nothing: each transaction of the run takes the lock itself ({@link #beginMigration}). */
    @Override
    public MigrationLock lock(Connection connection, ConnectionSource lockSource, String name, String historyTable,
                              Duration timeout) {
        this.lockName = name;
        this.key = PostgresSupport.key(name);
        return () -> {
        };
    }

    /** Remembers the schema for each transaction; creates it, when asked, in a transaction of its own, locked. */
    @Override
    public boolean useSchema(Connection connection, String name, boolean create) throws SQLException {
        if (name == null) {
            return true;
        }
        this.schema = name;
        if (create) {
            beginMigration(connection);
            try {
                execute(connection, "CREATE SCHEMA IF NOT EXISTS " + PostgresSupport.quote(name));
                commitMigration(connection);
            } catch (SQLException | RuntimeException failure) {
                rollbackQuietly(connection, failure);
                throw failure;
            }
            return true;
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT 1 FROM information_schema.schemata WHERE schema_name = ?")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                return result.next();
            }
        }
    }

    /**
     * Begins a transaction that holds the lock (waiting for it at most the lock timeout), with the schema first
     * on its search path; all in one round trip.
     *
     * @throws MigrationLockTimeoutException when another migrator held the lock longer than the lock timeout
     */
    @Override
    public void beginMigration(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        StringBuilder sql = new StringBuilder();
        if (lockName != null) {
            // The wait is bounded by lock_timeout, then the migration's own statements wait as the server says.
            sql.append("SET LOCAL lock_timeout = ").append(Math.max(1, lockTimeout.toMillis()))
                    .append("; SELECT pg_catalog.pg_advisory_xact_lock(").append(key).append(")")
                    .append("; SET LOCAL lock_timeout TO DEFAULT; ");
        }
        if (schema != null) {
            sql.append("SET LOCAL search_path TO ").append(PostgresSupport.quote(schema)).append("; ");
        }
        if (postgres.serverMajorVersion(connection) >= 14) {
            // A killed client is otherwise noticed only when a long statement ends; this frees its lock sooner.
            sql.append("SET LOCAL client_connection_check_interval = 1000");
        }
        if (sql.isEmpty()) {
            return;
        }
        try {
            execute(connection, sql.toString());
        } catch (SQLException failure) {
            rollbackQuietly(connection, failure);
            if (LOCK_NOT_AVAILABLE.equals(failure.getSQLState())) {
                throw new MigrationLockTimeoutException(source.describe() + " (transaction advisory lock " + key
                        + " for " + lockName + ")", lockTimeout, failure);
            }
            throw failure;
        }
    }

    private void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            rollbackMigration(connection);
        } catch (SQLException rollback) {
            failure.addSuppressed(rollback);
        }
    }

    @Override
    public void commitMigration(Connection connection) throws SQLException {
        postgres.commitMigration(connection);
    }

    @Override
    public void rollbackMigration(Connection connection) throws SQLException {
        postgres.rollbackMigration(connection);
    }

    @Override
    public int serverMajorVersion(Connection connection) throws SQLException {
        return postgres.serverMajorVersion(connection);
    }

    @Override
    public List<Leftover> leftovers(Connection connection, List<SqlStatement> statements) throws SQLException {
        return postgres.leftovers(connection, statements);
    }

    /** None to restore: the search path is the transaction's own. */
    @Override
    public String sessionPath(Connection connection) {
        return null;
    }

    @Override
    public List<String> clean(Connection connection, String cleaned, String lockTable) throws SQLException {
        return postgres.clean(connection, cleaned, lockTable);
    }
}
