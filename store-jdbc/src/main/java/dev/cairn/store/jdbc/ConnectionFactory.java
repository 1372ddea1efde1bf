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
    Connection connect() throws SQLException;
}
