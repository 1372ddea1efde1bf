package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * What differs between databases: session setup, the migration lock, schemas and how one migration's
 * transaction is opened and closed. Implementations are stateless and thread-safe.
 */
public abstract class DialectSupport {

    public static DialectSupport of(Dialect dialect) {
        return switch (dialect) {
            case SQLITE -> new SqliteSupport();
            case POSTGRESQL -> new PostgresSupport();
            case H2 -> new H2Support();
        };
    }

    public abstract Dialect dialect();

    /** Whether DDL rolls back with its transaction (PostgreSQL, SQLite) or commits as it runs (H2). */
    public abstract boolean transactionalDdl();

    /** Session settings that every operation needs, before any lock. */
    public void configureSession(Connection connection, Duration lockTimeout) throws SQLException {
    }

    /** The server's major version, for statements whose transactional behaviour changed; 0 if unknown. */
    public int serverMajorVersion(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseMajorVersion();
    }

    /** Obtains the migration lock or throws {@link dev.cairn.migrations.MigrationLockTimeoutException}. */
    public abstract MigrationLock lock(Connection connection, ConnectionSource source, String lockName,
                                       String historyTable, Duration timeout) throws SQLException;

    /**
     * Makes {@code schema} the connection's current schema.
     *
     * @param create whether to create the schema when it is missing
     * @return false when the schema does not exist and was not created
     */
    public boolean useSchema(Connection connection, String schema, boolean create) throws SQLException {
        return true;
    }

    /** Opens one migration's transaction. */
    public void beginMigration(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
    }

    public void commitMigration(Connection connection) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
    }

    public void rollbackMigration(Connection connection) throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
    }

    /**
     * Leaves the run's own transaction before a migration that cannot run in one, where the lock is that
     * transaction (SQLite); {@link #enterRunTransaction} takes it again afterwards.
     */
    public void leaveRunTransaction(Connection connection) throws SQLException {
    }

    public void enterRunTransaction(Connection connection) throws SQLException {
    }

    /**
     * What a migration run outside a transaction and stopped halfway (killed, or failed) left behind that stands
     * in the way of running it again, such as PostgreSQL's INVALID index of an interrupted
     * {@code CREATE INDEX CONCURRENTLY}; found by the names its statements create.
     */
    public List<Leftover> leftovers(Connection connection, List<SqlStatement> statements) throws SQLException {
        return List.of();
    }

    /** Whether the connection enforces foreign keys, where that is a session setting (SQLite). */
    public boolean foreignKeysOn(Connection connection) throws SQLException {
        return false;
    }

    /** Switches foreign keys on or off for the session, outside a transaction, where that is possible. */
    public void setForeignKeys(Connection connection, boolean on) throws SQLException {
    }

    /** Rows that break a foreign key, described, where the database lets them be written (SQLite). */
    public List<String> foreignKeyViolations(Connection connection) throws SQLException {
        return List.of();
    }

    /**
     * The session's name resolution (PostgreSQL's search path, H2's schema), read after the engine set it, so
     * that it can be restored after each migration; null where a migration cannot change it.
     */
    public String sessionPath(Connection connection) throws SQLException {
        return null;
    }

    public void restoreSessionPath(Connection connection, String path) throws SQLException {
    }

    /**
     * What a session starts from, once the lock is held: {@code schema} made current (created if missing and
     * {@code create}), the session path read back and whether the history table exists. By default one statement
     * each; a dialect may do it in fewer round trips.
     *
     * @param schema the configured schema, or null for the connection's current one
     */
    public SessionStart startSession(Connection connection, String schema, boolean create, HistoryTable history)
            throws SQLException {
        if (!useSchema(connection, schema, create)) {
            return SessionStart.NO_SCHEMA;
        }
        return new SessionStart(true, sessionPath(connection), history.exists(connection));
    }

    /**
     * @param schemaExists false when the schema is missing and was not created (a read-only operation)
     * @param sessionPath the session's path, to restore after each migration; null where there is none
     * @param historyExists whether the history table exists
     */
    public record SessionStart(boolean schemaExists, String sessionPath, boolean historyExists) {
        static final SessionStart NO_SCHEMA = new SessionStart(false, null, false);
    }

    /**
     * Ends a migration's transaction once its statements ran: gives the session back its path (unless null),
     * records the migration (a new row, or the repeatable's row {@code repeatableRank} updated) and commits. By
     * default one statement each; a dialect may do it in fewer round trips.
     */
    public void recordAndCommit(Connection connection, HistoryTable history, HistoryRow row, Integer repeatableRank,
                                String sessionPath) throws SQLException {
        if (sessionPath != null) {
            restoreSessionPath(connection, sessionPath);
        }
        if (repeatableRank == null) {
            history.insert(connection, row);
        } else {
            history.updateRepeatable(connection, repeatableRank, row);
        }
        commitMigration(connection);
    }

    /**
     * Drops every object of the managed schema (or file) that is no part of an extension, the history table
     * among them; the engine's lock table is kept.
     *
     * @return what was dropped, as {@code kind name}
     */
    public abstract List<String> clean(Connection connection, String schema, String lockTable) throws SQLException;

    static List<String[]> rows(Connection connection, String sql, String parameter) throws SQLException {
        List<String[]> rows = new java.util.ArrayList<>();
        try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (java.sql.ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    String[] row = new String[columns];
                    for (int column = 0; column < columns; column++) {
                        row[column] = result.getString(column + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the migration lock", interrupted);
        }
    }
}
