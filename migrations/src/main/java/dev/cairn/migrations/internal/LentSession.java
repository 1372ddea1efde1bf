package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the engine changes on a connection it borrowed from a caller's {@code DataSource}, read before it changes
 * anything and given back before the connection is: the auto-commit mode, and PostgreSQL's search path and
 * client check interval (H2's schema). A pool gives the connection to the application next, whose unqualified
 * statements must not land in the engine's schema. Not thread-safe.
 */
final class LentSession {
    private final Dialect dialect;
    private final boolean autoCommit;
    private final String path;
    private final String checkInterval;

    private LentSession(Dialect dialect, boolean autoCommit, String path, String checkInterval) {
        this.dialect = dialect;
        this.autoCommit = autoCommit;
        this.path = path;
        this.checkInterval = checkInterval;
    }

    /**
     * The connection's state; behind a transaction pooler only its auto-commit mode, since the engine then sets
     * nothing on the session (and a value read there may be another client's).
     */
    static LentSession save(Connection connection, Dialect dialect, boolean transactionPooling) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        if (transactionPooling) {
            return new LentSession(dialect, autoCommit, null, null);
        }
        return switch (dialect) {
            case POSTGRESQL -> {
                try (PreparedStatement statement = connection.prepareStatement("SELECT"
                        + " pg_catalog.current_setting('search_path'),"
                        + " pg_catalog.current_setting('client_connection_check_interval', true)");
                     ResultSet result = statement.executeQuery()) {
                    result.next();
                    yield new LentSession(dialect, autoCommit, result.getString(1), result.getString(2));
                }
            }
            case H2 -> new LentSession(dialect, autoCommit, connection.getSchema(), null);
            case SQLITE -> new LentSession(dialect, autoCommit, null, null);
        };
    }

    /** Gives the connection its state back; outside any transaction of the engine's. */
    void restore(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        if (dialect == Dialect.POSTGRESQL && path != null) {
            try (PreparedStatement statement = connection.prepareStatement(checkInterval == null
                    ? "SELECT pg_catalog.set_config('search_path', ?, false)"
                    : "SELECT pg_catalog.set_config('search_path', ?, false),"
                    + " pg_catalog.set_config('client_connection_check_interval', ?, false)")) {
                statement.setString(1, path);
                if (checkInterval != null) {
                    statement.setString(2, checkInterval);
                }
                statement.execute();
            }
        } else if (dialect == Dialect.H2 && path != null) {
            connection.setSchema(path);
        }
        if (!autoCommit) {
            connection.setAutoCommit(false);
        }
    }
}
