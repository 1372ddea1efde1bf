package dev.cairn.store.memory;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreCapability;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Memory stores for the contract suites, each of a name of its own, dropped after the test. A named memory
 * store outlives its handles for as long as the JVM, which is all that reopening asks: the fixture declares
 * {@link StoreCapability#PERSISTENT}, so that the persistence tests run too.
 *
 * <p>The TCK's fixture, named in full: this package's own {@code StoreFixture} is the base of the memory
 * store's unit tests.
 */
final class MemoryFixture extends dev.cairn.store.tck.StoreFixture {
    private final String test = UUID.randomUUID().toString();
    private final Set<String> names = new HashSet<>();

    @Override
    public String storeUrl(String name) {
        String storeName = name + "-" + test;
        names.add(storeName);
        return "memory:" + storeName;
    }

    @Override
    protected Store open(String url) {
        return new MemoryStoreProvider().open(CairnConfig.of(url));
    }

    @Override
    public Set<StoreCapability> capabilities(Store store) {
        return EnumSet.of(StoreCapability.PERSISTENT);
    }

    @Override
    public void close() {
        names.forEach(MemoryStoreProvider::drop);
        super.close();
    }
}
