package dev.cairn.store.jdbc;

import dev.cairn.core.spi.StoreTransaction;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * One unit of work on one connection: its transaction (and, for a write, a read-only view of it), its
 * savepoints for nested writes, its thread. Not thread-safe: confined to the thread that began it.
 */
final class UnitOfWork {
    private final JdbcStore store;
    private final Connection connection;
    private final boolean write;
    private final Thread owner = Thread.currentThread();
    private final JdbcTransaction transaction;
    private final JdbcTransaction readView;
    private int savepoints;
    private boolean open = true;

    UnitOfWork(JdbcStore store, Connection connection, boolean write) {
        this.store = store;
        this.connection = connection;
        this.write = write;
        DSLContext sql = DSL.using(connection, store.dialect().sqlDialect(), JdbcStore.SETTINGS);
        this.transaction = new JdbcTransaction(this, sql, write);
        this.readView = write ? new JdbcTransaction(this, sql, false) : transaction;
    }

    /** Runs {@code work} under a savepoint: when it throws, its own changes are undone and it rethrows. */
    <T> T nested(Function<StoreTransaction, T> work) {
        String name = "cairn_nested_" + (++savepoints);
        Savepoint savepoint;
        try {
            savepoint = dialect().savepoint(connection, name);
        } catch (SQLException failure) {
            savepoints--;
            throw Failures.translate(store, failure, failure);
        }
        try {
            T result = work.apply(transaction);
            dialect().releaseSavepoint(connection, name, savepoint);
            return result;
        } catch (SQLException failure) {
            throw Failures.translate(store, failure, failure);
        } catch (RuntimeException | Error failure) {
            try {
                dialect().rollbackToSavepoint(connection, name, savepoint);
            } catch (SQLException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        } finally {
            savepoints--;
        }
    }

    /** Whether this unit of work writes. */
    boolean write() {
        return write;
    }

    /** The transaction the work is given. */
    JdbcTransaction transaction() {
        return transaction;
    }

    /** The transaction a read inside this unit of work is given: the same, read-only. */
    JdbcTransaction readView() {
        return readView;
    }

    /** Ends the unit of work: its transactions refuse any further use. */
    void close() {
        open = false;
    }

    JdbcStore store() {
        return store;
    }

    Connection connection() {
        return connection;
    }

    NodeReads nodeReads() {
        return store.nodeReads();
    }

    JdbcDialect dialect() {
        return store.dialect();
    }

    void checkUsable() {
        if (!open) {
            throw new IllegalStateException("This store transaction has ended: use a transaction only inside "
                    + "the read or write call that gave it");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("This store transaction belongs to thread " + owner.getName()
                    + ", not to " + Thread.currentThread().getName() + ": a transaction is confined to its "
                    + "thread");
        }
    }
}
