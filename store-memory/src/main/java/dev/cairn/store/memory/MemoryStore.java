package dev.cairn.store.memory;

import dev.cairn.core.StoreException;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreCapability;
import dev.cairn.core.spi.StoreTransaction;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * A store kept in memory, one handle on a {@link MemoryState} that other handles of the same name may
 * share. Thread-safe: reads run together under a read lock, writes one at a time under the write lock.
 *
 * <p>A write nested in a write on the same thread joins it, and when the nested work throws, only its
 * own changes are undone, as with a savepoint. A read nested in a write sees the write's changes. A
 * write nested in a read is refused, since a read lock cannot be upgraded.
 */
final class MemoryStore implements Store {
    private static final Set<StoreCapability> CAPABILITIES = Set.of(StoreCapability.COMMAND_RUNS);

    private final MemoryState state;
    private final String url;
    private volatile boolean closed;

    MemoryStore(MemoryState state, String url) {
        this.state = state;
        this.url = url;
    }

    @Override
    public <T> T read(Function<StoreTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        checkOpen();
        Lock lock = state.lock.readLock();
        lock.lock();
        MemoryTransaction transaction = MemoryTransaction.reading(state);
        try {
            return work.apply(transaction);
        } finally {
            transaction.end();
            lock.unlock();
        }
    }

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        checkOpen();
        ReentrantReadWriteLock readWrite = state.lock;
        if (readWrite.isWriteLockedByCurrentThread()) {
            return state.activeWrite.runAtomically(work);
        }
        if (readWrite.getReadHoldCount() > 0) {
            throw new IllegalStateException("Store.write called inside Store.read on the same thread ("
                    + url + "): a read cannot become a write, and waiting for the write lock would deadlock. "
                    + "Do the whole unit of work inside write, which may read too.");
        }
        Lock lock = readWrite.writeLock();
        lock.lock();
        MemoryTransaction transaction = MemoryTransaction.writing(state);
        state.activeWrite = transaction;
        try {
            T result = transaction.runAtomically(work);
            transaction.commit();
            return result;
        } finally {
            transaction.end();
            state.activeWrite = null;
            lock.unlock();
        }
    }

    @Override
    public String backend() {
        return MemoryStoreProvider.SCHEME;
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return CAPABILITIES;
    }

    /** Closes this handle only; the data of a named store stays until {@link MemoryStoreProvider#drop}. */
    @Override
    public void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "MemoryStore[" + url + (closed ? ", closed]" : "]");
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("The store " + url + " is closed: open it again to use it");
        }
    }
}
