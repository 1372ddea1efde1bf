package dev.cairn.store.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} whose connections are readied for a store as they are taken. What the initializer sets
 * stays on the connection when it is given back: a pool resets only what it was configured to reset (HikariCP
 * at its defaults resets no schema), so a caller's pool is no place for session state; the stores set the
 * schema in each transaction instead ({@link JdbcStore.Builder#schemaPerTransaction}). Thread-safe as the
 * wrapped source is.
 */
public final class InitializingDataSource implements DataSource {
    /** Readies one connection. */
    @FunctionalInterface
    public interface Initializer {
        /**
         * Readies {@code connection} for the store.
         *
         * @param connection the connection
         * @throws SQLException when it cannot be readied; the connection is then closed
         */
        void initialize(Connection connection) throws SQLException;
    }

    private final DataSource target;
    private final Initializer initializer;

    /**
     * Lends the connections of {@code target}, each readied by {@code initializer} first.
     *
     * @param target the connections
     * @param initializer what readies each on each loan
     */
    public InitializingDataSource(DataSource target, Initializer initializer) {
        this.target = Objects.requireNonNull(target, "target");
        this.initializer = Objects.requireNonNull(initializer, "initializer");
    }

    @Override
    public Connection getConnection() throws SQLException {
        return initialize(target.getConnection(), initializer);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return initialize(target.getConnection(username, password), initializer);
    }

    /**
     * {@code connection} readied by {@code initializer}, or closed when that fails.
     *
     * @param connection a connection just made or borrowed
     * @param initializer what readies it
     * @return {@code connection}, readied
     * @throws SQLException what the initializer threw, after the connection was closed
     */
    public static Connection initialize(Connection connection, Initializer initializer) throws SQLException {
        try {
            initializer.initialize(connection);
            return connection;
        } catch (SQLException | RuntimeException failure) {
            Connections.closeQuietly(connection);
            throw failure;
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }

    @Override
    public String toString() {
        return "InitializingDataSource[" + target + "]";
    }
}
