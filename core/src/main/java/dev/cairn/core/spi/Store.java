package dev.cairn.core.spi;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An open store: units of work, each in a transaction. Implementations must be thread-safe: many
 * threads call {@link #read} and {@link #write} at once.
 *
 * <p>Nesting on one thread: a {@code write} inside a {@code write} joins the outer transaction (when the
 * inner work throws, its own changes are undone, as a savepoint would); a {@code read} inside a
 * {@code write} sees the write's changes; a {@code write} inside a {@code read} is refused with
 * {@link IllegalStateException}.
 */
public interface Store extends AutoCloseable {
    /**
     * Runs {@code work} against a consistent view of the store. It must not write.
     *
     * @param <T>  the type of what the work returns
     * @param work the reads, made through the transaction it is given
     * @return what {@code work} returned
     * @throws dev.cairn.core.StoreException when the backend fails
     */
    <T> T read(Function<StoreTransaction, T> work);

    /**
     * Runs {@code work} in one transaction: all of its writes are kept when it returns, none when it
     * throws, and the exception is rethrown as it was (translated to a {@link dev.cairn.core.CairnException}
     * when it comes from the backend).
     *
     * @param <T>  the type of what the work returns
     * @param work the reads and writes, made through the transaction it is given
     * @return what {@code work} returned
     */
    <T> T write(Function<StoreTransaction, T> work);

    /** {@return a short name of the backend, such as {@code memory} or {@code sqlite}} */
    String backend();

    /**
     * One round trip to the backend, as cheap as it allows, for health checks: {@link dev.cairn.core.Cairn#health()} times
     * it. A store that fails it throws.
     *
     * @throws dev.cairn.core.StoreException when the backend does not answer
     */
    default void ping() {
        read(transaction -> null);
    }

    /** {@return the database product and version, such as {@code PostgreSQL 16.4}; empty where there is none} */
    default String serverVersion() {
        return "";
    }

    /**
     * {@return the applied schema version of each migration module in the store's database; empty without migrations}
     */
    default Map<String, String> schemaVersions() {
        return Map.of();
    }

    /** {@return what this store can do beyond the contract} */
    default Set<StoreCapability> capabilities() {
        return Set.of();
    }

    /** Releases what the store holds. Idempotent. */
    @Override
    default void close() {
    }
}
