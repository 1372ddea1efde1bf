package dev.cairn.migrations.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The PostgreSQL JDBC driver's own interface behind a connection, reached by {@link Connection#unwrap} and
 * reflection, because the engine depends on nothing but the JDK: the driver the caller already has is the one
 * used, through a pool's proxy too. Thread-safe.
 */
final class Pgjdbc {
    static final String PG_CONNECTION = "org.postgresql.PGConnection";

    private Pgjdbc() {
    }

    /** {@code org.postgresql.PGConnection} as the connection's class loaders see it, or null if it wraps none. */
    static Class<?> driverInterface(Connection connection) throws SQLException {
        ClassLoader[] loaders = {connection.getClass().getClassLoader(), Thread.currentThread().getContextClassLoader(),
                Pgjdbc.class.getClassLoader()};
        for (ClassLoader loader : loaders) {
            try {
                Class<?> found = Class.forName(PG_CONNECTION, false, loader);
                if (connection.isWrapperFor(found)) {
                    return found;
                }
            } catch (ClassNotFoundException notHere) {
                // Try the next loader: a pool's proxy class may come from another one than the driver.
            }
        }
        return null;
    }

    /**
     * Whether the connection is pgjdbc's without {@code autosave}, so that a list of statements, a {@code COMMIT}
     * among them, runs as the server reads it: pgjdbc follows the transaction's state from the server's replies,
     * and only its autosave adds statements of its own (a savepoint around each).
     */
    static boolean plain(Connection connection) throws SQLException {
        Class<?> pgConnection = driverInterface(connection);
        if (pgConnection == null) {
            return false;
        }
        try {
            Object autosave = pgConnection.getMethod("getAutosave").invoke(connection.unwrap(pgConnection));
            return autosave instanceof Enum<?> mode && mode.name().equals("NEVER");
        } catch (ReflectiveOperationException unknown) {
            return false;
        }
    }
}
