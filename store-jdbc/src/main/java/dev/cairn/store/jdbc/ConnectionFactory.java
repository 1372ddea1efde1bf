package dev.cairn.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Makes a new physical connection, configured as the backend wants it (pragmas, timeouts). A
 * {@link JdbcStore} given a factory keeps the connections it makes in a small pool of its own.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ConnectionFactory {
    /**
     * Makes a new connection.
     *
     * @return the connection; the store closes it
     * @throws SQLException when the database cannot be reached
     */
    Connection connect() throws SQLException;
}
