package dev.cairn.store.memory;

import dev.cairn.store.tck.CopyContractTest;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** Copies between two named memory stores keep the copy contract; the stores are dropped after each test. */
class MemoryCopyTest extends CopyContractTest {
    private final String test = UUID.randomUUID().toString();
    private final Set<String> names = new HashSet<>();

    @Override
    protected String newStoreUrl(String name) {
        String storeName = "copy-" + name + "-" + test;
        names.add(storeName);
        return "memory:" + storeName;
    }

    @AfterEach
    void dropStores() {
        names.forEach(MemoryStoreProvider::drop);
    }
}
