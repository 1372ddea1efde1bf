package dev.cairn.store.tck;

import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreCapability;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How the contract suites get the stores of one backend. A store module implements it once, in its test
 * sources, and hands a new one to each contract class it runs:
 *
 * <pre>{@code
 * final class AcmeFixture extends StoreFixture {
 *     @Override public String storeUrl(String name) { return "acme:" + folder().resolve(name); }
 *     @Override protected Store open(String url) { return new AcmeStoreProvider().open(CairnConfig.of(url)); }
 * }
 *
 * class AcmeNodesTest extends NodesContractTest {
 *     AcmeNodesTest() { super(new AcmeFixture()); }
 * }
 * }</pre>
 *
 * <p>A fixture names stores and opens them; everything else has a default. Backends differ only in what
 * they declare: the {@link #capabilities(Store) capabilities} whose tests run (a
 * {@link StoreCapability#PERSISTENT} store is {@link #reopen(Store) reopened} by its URL), and
 * {@link #rawDatabase(Store) SQL access} past Cairn for the doctor's drift tests. A SQL store extends
 * {@link SqlStoreFixture}, which the suites of its tables and migrations take.
 *
 * <p>Not thread-safe: a contract class makes one for each test (JUnit makes an instance per test) and closes
 * it after the test, when its stores are closed.
 */
public abstract class StoreFixture implements AutoCloseable {
    private final Map<Store, String> names = new IdentityHashMap<>();
    private int created;
    private Path folder;

    /** For subclasses. */
    protected StoreFixture() {
    }

    /**
     * Cairn's URL of the test's store called {@code name} (a lower-case word, letters and digits): a new,
     * empty store the first time a test names it, the same store every later time in that test.
     *
     * @param name the store's name within the test
     * @return Cairn's URL of that store
     */
    public abstract String storeUrl(String name);

    /**
     * Opens the store at {@code url}, as the backend's provider opens it.
     *
     * @param url a URL from {@link #storeUrl}
     * @return the open store
     */
    protected abstract Store open(String url);

    /**
     * A new, empty store, apart from every other store of the test; the caller closes it.
     *
     * @return the store; the caller closes it
     */
    public final Store createStore() {
        String name = "store" + ++created;
        Store store = open(storeUrl(name));
        names.put(store, name);
        return store;
    }

    /**
     * The capabilities whose tests run on {@code store}: by default those it declares. A fixture whose stores
     * can do more than they declare says so here.
     *
     * @param store a store this fixture made
     * @return the capabilities to test
     */
    public Set<StoreCapability> capabilities(Store store) {
        return store.capabilities();
    }

    /**
     * Opens again the store that {@code closed} was, after it was closed. Asked only of stores whose
     * {@link #capabilities(Store) capabilities} include {@link StoreCapability#PERSISTENT}; by default opens
     * the same URL again.
     *
     * @param closed a store this fixture made, closed
     * @return the same store, open again
     */
    public Store reopen(Store closed) {
        String name = nameOf(closed);
        Store store = open(storeUrl(name));
        names.put(store, name);
        return store;
    }

    /**
     * SQL access to the tables of {@code store}, as a tool other than Cairn has it; empty (the default) for a
     * store that keeps only what passed Cairn's rules, such as the memory store, whose drift tests are skipped.
     *
     * @param store a store this fixture made
     * @return SQL access to its tables, or empty
     */
    public Optional<RawDatabase> rawDatabase(Store store) {
        return Optional.empty();
    }

    /**
     * The name {@link #createStore()} gave {@code store}, or the one it was {@link #reopen(Store) reopened} under.
     *
     * @param store a store this fixture made
     * @return its name
     */
    protected final String nameOf(Store store) {
        String name = names.get(store);
        if (name == null) {
            throw new IllegalArgumentException(store + " was not made by " + getClass().getName()
                    + ".createStore()");
        }
        return name;
    }

    /**
     * A temporary folder for the fixture's stores, made on first use and deleted with all in it by {@link #close()}.
     *
     * @return the folder
     */
    protected final Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("cairn-tck-");
            } catch (IOException failure) {
                throw new UncheckedIOException("Cannot make a temporary folder for the stores", failure);
            }
        }
        return folder;
    }

    /**
     * Deletes what the fixture made for the test: its {@link #folder()}, and whatever a subclass adds (which
     * calls this too).
     */
    @Override
    public void close() {
        if (folder == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.delete(path);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot delete the stores' folder " + folder, failure);
        }
        folder = null;
    }
}
