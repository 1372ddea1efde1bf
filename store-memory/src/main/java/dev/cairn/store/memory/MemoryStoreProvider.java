package dev.cairn.store.memory;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreProvider;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * The provider of scheme {@code memory}: stores kept in the heap, for tests and scratch work.
 * Thread-safe.
 *
 * <ul>
 *   <li>{@code memory:} opens a private store: each open gets a new, empty one, gone with its last
 *       reference.</li>
 *   <li>{@code memory:NAME} opens the store of that name, shared by every open of the same name in this
 *       JVM (per class loader that loads this class), so that a test can open it twice and see the same
 *       data. Closing a handle keeps the data; it lives until {@link #drop(String)} or the end of the
 *       JVM. A name is 1 to 128 letters, digits, {@code .}, {@code _} or {@code -}, starting with a
 *       letter or digit, and is case-sensitive.</li>
 * </ul>
 *
 * <p>Nothing survives the JVM: the stores declare no {@link dev.cairn.core.spi.StoreCapability} but
 * {@link dev.cairn.core.spi.StoreCapability#COMMAND_RUNS COMMAND_RUNS}.
 */
public final class MemoryStoreProvider implements StoreProvider {
    /** The URL scheme served. */
    public static final String SCHEME = "memory";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final ConcurrentMap<String, MemoryState> SHARED = new ConcurrentHashMap<>();

    /** For {@link java.util.ServiceLoader}, and for explicit registration. */
    public MemoryStoreProvider() {
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    /**
     * @throws StoreConfigurationException when the URL names a store with a name that is not allowed
     */
    @Override
    public Store open(CairnConfig config) {
        String name = config.location();
        if (name.isEmpty()) {
            return new MemoryStore(new MemoryState(), SCHEME + ":");
        }
        if (!NAME.matcher(name).matches()) {
            throw new StoreConfigurationException("Invalid memory store name '" + name + "' (url="
                    + config.maskedUrl() + "): a name is 1 to 128 letters, digits, '.', '_' or '-', starting "
                    + "with a letter or digit, such as memory:plan-tests. Write memory: for a private store.");
        }
        return new MemoryStore(SHARED.computeIfAbsent(name, key -> new MemoryState()), SCHEME + ":" + name);
    }

    /**
     * Forgets the shared store of {@code name}, so that the next {@code memory:NAME} opens an empty one.
     * Handles already open keep working on the data they had, apart from any later open.
     *
     * @param name the {@code NAME} of {@code memory:NAME}
     * @return whether a store of that name existed
     */
    public static boolean drop(String name) {
        return SHARED.remove(Objects.requireNonNull(name, "name")) != null;
    }

    @Override
    public String toString() {
        return "MemoryStoreProvider[scheme=" + SCHEME + "]";
    }
}
