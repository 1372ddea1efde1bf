package dev.cairn.store.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Where a store's units of work get their connections: a small pool of connections the store made, or a
 * caller's {@link DataSource}, which pools (or not) as it likes. Thread-safe.
 */
abstract class Connections implements AutoCloseable {
    abstract Connection acquire() throws SQLException;

    /** Gives a connection back; a broken one, whose transaction could not be ended, is closed. */
    abstract void release(Connection connection, boolean broken);

    /** What the migration engine connects through. */
    abstract DataSource dataSource();

    /**
     * Runs {@code work} on a statement for {@code sql}, which must read and close its results. The store's own
     * pool keeps one statement per connection and SQL text, since preparing costs more than running a small
     * query on an embedded database; a borrowed connection prepares anew (PostgreSQL's driver keeps its own).
     */
    <T> T withStatement(Connection connection, String sql, StatementWork<T> work) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            return work.apply(statement);
        } finally {
            statement.close();
        }
    }

    /** Executes {@code sql}, through {@link #withStatement}. */
    void execute(Connection connection, String sql) throws SQLException {
        withStatement(connection, sql, statement -> statement.execute());
    }

    /** Work on a prepared statement. */
    @FunctionalInterface
    interface StatementWork<T> {
        T apply(PreparedStatement statement) throws SQLException;
    }

    @Override
    public abstract void close();

    static Connections pooled(ConnectionFactory factory, JdbcDialect dialect, int maxIdle, boolean keepOneOpen)
            throws SQLException {
        return new Pool(factory, dialect, maxIdle, keepOneOpen);
    }

    /** Connections from {@code dataSource}; {@code owner}, when given, is closed with the store. */
    /**
     * One connection, lent to one unit of work at a time (others wait their turn): for a database that lives
     * in its connection, such as SQLite's in memory.
     */
    static Connections single(ConnectionFactory factory, JdbcDialect dialect) throws SQLException {
        return new Single(prepared(factory.connect(), dialect));
    }

    static Connections of(DataSource dataSource, JdbcDialect dialect, AutoCloseable owner) {
        return new Borrowed(dataSource, dialect, owner);
    }

    /** The connection prepared for the dialect (pragmas, session settings), or closed when that fails. */
    static Connection prepared(Connection connection, JdbcDialect dialect) throws SQLException {
        return InitializingDataSource.initialize(connection, dialect::prepare);
    }

    static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // Closing is best effort: the statement is dropped either way.
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing is best effort: the connection is dropped either way.
        }
    }

    /**
     * Idle connections kept up to a bound, made on demand: SQLite and embedded H2 connections are cheap to
     * keep and the store never holds one longer than a unit of work, so no waiting or eviction is needed.
     * {@code keepOneOpen} holds one more connection for the life of the store, which keeps an in-memory
     * database alive between units of work.
     */
    private static final class Pool extends Connections {
        private final ConnectionFactory factory;
        private final JdbcDialect dialect;
        private final int maxIdle;
        private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();
        /** Each connection's statements by SQL text; a connection is used by one thread at a time. */
        private final Map<Connection, Map<String, PreparedStatement>> statements = new ConcurrentHashMap<>();
        private final AtomicInteger idleCount = new AtomicInteger();
        private final Connection keeper;
        private volatile boolean closed;

        Pool(ConnectionFactory factory, JdbcDialect dialect, int maxIdle, boolean keepOneOpen) throws SQLException {
            this.factory = factory;
            this.dialect = dialect;
            this.maxIdle = maxIdle;
            this.keeper = keepOneOpen ? make() : null;
        }

        private Connection make() throws SQLException {
            return prepared(factory.connect(), dialect);
        }

        @Override
        Connection acquire() throws SQLException {
            Connection connection = idle.pollFirst();
            if (connection != null) {
                idleCount.decrementAndGet();
                return connection;
            }
            return make();
        }

        @Override
        void release(Connection connection, boolean broken) {
            if (broken || closed) {
                discard(connection);
                return;
            }
            if (idleCount.incrementAndGet() > maxIdle) {
                idleCount.decrementAndGet();
                discard(connection);
                return;
            }
            idle.addFirst(connection);
            if (closed && idle.remove(connection)) {
                idleCount.decrementAndGet();
                discard(connection);
            }
        }

        /**
         * Keeps the statement for the next unit of work on this connection, unless using it failed: a driver
         * may destroy a statement on an error (sqlite-jdbc does) while it still reports itself open.
         */
        @Override
        <T> T withStatement(Connection connection, String sql, StatementWork<T> work) throws SQLException {
            Map<String, PreparedStatement> prepared = statements.computeIfAbsent(connection, key -> new HashMap<>());
            PreparedStatement statement = prepared.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                prepared.put(sql, statement);
            }
            boolean kept = false;
            try {
                T result = work.apply(statement);
                statement.clearParameters();
                kept = true;
                return result;
            } finally {
                if (!kept) {
                    prepared.remove(sql);
                    closeQuietly(statement);
                }
            }
        }

        /** Closes a connection the pool made, with the statements it kept for it. */
        private void discard(Connection connection) {
            Map<String, PreparedStatement> prepared = statements.remove(connection);
            if (prepared != null) {
                prepared.values().forEach(Connections::closeQuietly);
            }
            closeQuietly(connection);
        }

        @Override
        DataSource dataSource() {
            return new FactoryDataSource(factory);
        }

        @Override
        public void close() {
            closed = true;
            Connection connection;
            while ((connection = idle.pollFirst()) != null) {
                discard(connection);
            }
            if (keeper != null) {
                discard(keeper);
            }
        }
    }

    /**
     * The one connection, behind a fair lock that a unit of work holds from acquire to release. The migration
     * engine gets it too, through a {@link DataSource} whose connections take the lock and give it back on
     * closing; the lock is reentrant, so a thread that holds it may take the connection again.
     */
    private static final class Single extends Connections {
        private final Connection connection;
        private final ReentrantLock lock = new ReentrantLock(true);

        Single(Connection connection) {
            this.connection = connection;
        }

        @Override
        Connection acquire() {
            lock.lock();
            return connection;
        }

        @Override
        void release(Connection given, boolean broken) {
            lock.unlock();
        }

        @Override
        DataSource dataSource() {
            return new FactoryDataSource(() -> {
                lock.lock();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, new LentConnection(connection, lock));
            });
        }

        @Override
        public void close() {
            closeQuietly(connection);
        }
    }

    /** The single connection as lent to the migration engine: closing it gives it back instead. */
    private static final class LentConnection implements InvocationHandler {
        private final Connection target;
        private final ReentrantLock lock;
        private boolean returned;

        LentConnection(Connection target, ReentrantLock lock) {
            this.target = target;
            this.lock = lock;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments) throws Throwable {
            switch (method.getName()) {
                case "close":
                    if (!returned) {
                        returned = true;
                        lock.unlock();
                    }
                    return null;
                case "isClosed":
                    return returned || target.isClosed();
                case "equals":
                    return proxy == arguments[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                default:
                    try {
                        return method.invoke(target, arguments);
                    } catch (InvocationTargetException failure) {
                        throw failure.getCause();
                    }
            }
        }
    }

    /** A pool's or a caller's connections, each given back (closed) after its unit of work. */
    private static final class Borrowed extends Connections {
        private final DataSource dataSource;
        private final JdbcDialect dialect;
        private final AutoCloseable owner;

        Borrowed(DataSource dataSource, JdbcDialect dialect, AutoCloseable owner) {
            this.dataSource = dataSource;
            this.dialect = dialect;
            this.owner = owner;
        }

        /** The auto-commit mode each borrowed connection came with, where it was off, to give it back so. */
        private final Map<Connection, Boolean> manualCommit = new ConcurrentHashMap<>();

        @Override
        Connection acquire() throws SQLException {
            Connection connection = prepared(dataSource.getConnection(), dialect);
            try {
                if (!connection.getAutoCommit()) {
                    manualCommit.put(connection, Boolean.TRUE);
                }
            } catch (SQLException failure) {
                closeQuietly(connection);
                throw failure;
            }
            return connection;
        }

        /**
         * Gives the connection back as it came: a unit of work ends in auto-commit mode, which a connection
         * lent with auto-commit off gets back before the pool sees it.
         */
        @Override
        void release(Connection connection, boolean broken) {
            if (manualCommit.remove(connection) != null && !broken) {
                try {
                    connection.setAutoCommit(false);
                } catch (SQLException ignored) {
                    // The connection is given back either way; a pool checks it before lending it again.
                }
            }
            closeQuietly(connection);
        }

        @Override
        DataSource dataSource() {
            return dataSource;
        }

        @Override
        public void close() {
            // A caller's DataSource (no owner) is the caller's to close.
            if (owner != null) {
                try {
                    owner.close();
                } catch (Exception ignored) {
                    // Closing is best effort: the store is unusable either way.
                }
            }
        }
    }

    /** The factory as a {@link DataSource}, for the migration engine: each call a new connection. */
    private static final class FactoryDataSource implements DataSource {
        private final ConnectionFactory factory;

        FactoryDataSource(ConnectionFactory factory) {
            this.factory = factory;
        }

        @Override
        public Connection getConnection() throws SQLException {
            return factory.connect();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("The store's connections carry their own credentials");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // No logging of its own.
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // Connections are made by the factory, as it is configured.
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException("No parent logger");
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            if (type.isInstance(this)) {
                return type.cast(this);
            }
            throw new SQLException("Not a wrapper of " + type.getName());
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return type.isInstance(this);
        }
    }
}
