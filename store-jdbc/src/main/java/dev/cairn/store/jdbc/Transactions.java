package dev.cairn.store.jdbc;

import dev.cairn.core.StoreException;
import dev.cairn.core.spi.StoreTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a store's units of work begin and end on their connections, through its dialect: a connection taken and
 * a transaction begun (waiting out a database that answers busy, and a connection found lost), the work run,
 * then committed, or rolled back when it throws; one unit of work per thread at a time. Thread-safe.
 */
final class Transactions {
    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
    /** A wait to begin longer than this is worth a line: another process held the lock, or the pool was empty. */
    private static final long NOTED_WAIT_NANOS = 1_000_000_000L;

    private final JdbcStore store;
    private final JdbcDialect dialect;
    private final Connections connections;
    private final Duration busyTimeout;
    private final boolean snapshotSessions;
    private final String transactionSchema;
    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();

    Transactions(JdbcStore store, JdbcDialect dialect, Connections connections, Duration busyTimeout,
                 boolean snapshotSessions, String transactionSchema) {
        this.store = store;
        this.dialect = dialect;
        this.connections = connections;
        this.busyTimeout = busyTimeout;
        this.snapshotSessions = snapshotSessions;
        this.transactionSchema = transactionSchema;
    }

    /** The unit of work the calling thread is in, or null. */
    UnitOfWork current() {
        return current.get();
    }

    /**
     * Runs {@code work} in a unit of work of its own, committed when it returns and rolled back when it throws.
     * When the connection is lost while the work runs (the server restarted or was told to stop the session),
     * nothing of it has been committed, since the server rolls back what a lost session held: the work runs again,
     * once, on a new connection. A connection lost while committing is not tried again: the commit may have
     * happened.
     */
    <T> T run(boolean write, Function<StoreTransaction, T> work) {
        try {
            return runOnce(write, work);
        } catch (LostDuringWork lost) {
            LOG.warn("Lost the connection to the {} store {} before the unit of work committed ({}); running it"
                    + " again on a new connection", store.backend(), store.description(), lost.getMessage());
            try {
                return runOnce(write, work);
            } catch (LostDuringWork again) {
                throw again.failure;
            }
        }
    }

    /** The failure of a unit of work whose connection was lost before it committed. */
    private static final class LostDuringWork extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final RuntimeException failure;

        LostDuringWork(RuntimeException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    private <T> T runOnce(boolean write, Function<StoreTransaction, T> work) {
        Connection connection = begin(write);
        UnitOfWork unit = new UnitOfWork(store, connection, write);
        current.set(unit);
        boolean broken = false;
        try {
            T result;
            try {
                result = work.apply(unit.transaction());
            } catch (RuntimeException failure) {
                broken = !rollbackQuietly(connection, failure);
                throw connectionLost(failure) ? new LostDuringWork(failure) : failure;
            } catch (Error failure) {
                broken = !rollbackQuietly(connection, failure);
                throw failure;
            }
            try {
                dialect.commit(connection, connections::execute);
            } catch (SQLException failure) {
                broken = !rollbackQuietly(connection, failure);
                throw Failures.translate(store, failure, failure);
            }
            return result;
        } finally {
            unit.close();
            current.remove();
            connections.release(connection, broken);
        }
    }

    /** Whether {@code failure}, or a cause of it, says the connection was lost (see the dialect). */
    boolean connectionLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sqlFailure && dialect.isConnectionLost(sqlFailure)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A connection in a new transaction. A database may answer busy when another process holds its lock longer
     * than its driver waits (SQLite's busy timeout); then this tries again, backing off, until the store's busy
     * timeout has passed, so that "database is locked" reaches no caller that can wait. A connection found dead
     * (a server restarted since it was made) is dropped and another taken, within the same time: nothing has run
     * on it yet, so trying again is safe.
     */
    private Connection begin(boolean write) {
        long started = System.nanoTime();
        long deadline = started + busyTimeout.toNanos();
        long pause = 1;
        boolean waitedBusy = false;
        boolean reconnecting = false;
        while (true) {
            Connection connection;
            try {
                connection = connections.acquire();
            } catch (SQLException failure) {
                if (!dialect.isConnectionLost(failure) || System.nanoTime() > deadline) {
                    throw new StoreException("Cannot connect to the " + store.backend() + " store "
                            + store.description() + ": " + failure.getMessage(), failure);
                }
                if (!reconnecting) {
                    reconnecting = true;
                    LOG.info("Cannot connect to the {} store {} ({}); trying again", store.backend(),
                            store.description(), failure.getMessage());
                }
                sleep(pause);
                pause = Math.min(pause * 2, 1000);
                continue;
            }
            try {
                dialect.begin(connection, write, snapshotSessions, transactionSchema, connections::execute);
                // The driver may do the waiting itself (SQLite's busy timeout), so the time is what counts.
                long waited = System.nanoTime() - started;
                if (waited > NOTED_WAIT_NANOS) {
                    LOG.info("Waited {} ms to begin a {} on the {} store {}{}", waited / 1_000_000,
                            write ? "write" : "read", store.backend(), store.description(),
                            waitedBusy ? ": another connection held its lock" : "");
                }
                return connection;
            } catch (SQLException failure) {
                boolean busy = dialect.isBusy(failure);
                boolean lost = dialect.isConnectionLost(failure);
                connections.release(connection, !busy);
                if (!(busy || lost) || System.nanoTime() > deadline) {
                    String likelyCause = dialect.likelyCause(failure);
                    throw new StoreException("Cannot begin a " + (write ? "write" : "read") + " on the "
                            + store.backend() + " store " + store.description() + ": " + failure.getMessage()
                            + (likelyCause == null ? "" : ". " + likelyCause), failure);
                }
                if (lost && !reconnecting) {
                    reconnecting = true;
                    LOG.info("A connection to the {} store {} was lost ({}); reconnecting", store.backend(),
                            store.description(), failure.getMessage());
                }
                if (busy) {
                    waitedBusy = true;
                    sleep(pause);
                    pause = Math.min(pause * 2, 100);
                }
            }
        }
    }

    private boolean rollbackQuietly(Connection connection, Throwable failure) {
        try {
            dialect.rollback(connection, connections::execute);
            return true;
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for the database lock", interrupted);
        }
    }
}
