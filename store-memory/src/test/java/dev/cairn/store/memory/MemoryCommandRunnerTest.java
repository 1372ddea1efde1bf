package dev.cairn.store.memory;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.CommandRunnerContractTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** Running Commands with their runs recorded in memory stores, one or more per test, dropped after it. */
class MemoryCommandRunnerTest extends CommandRunnerContractTest {
    private final List<String> names = new ArrayList<>();

    @Override
    protected Store createStore() {
        String name = "runner-" + UUID.randomUUID();
        names.add(name);
        return new MemoryStoreProvider().open(CairnConfig.of("memory:" + name));
    }

    @AfterEach
    void dropStores() {
        names.forEach(MemoryStoreProvider::drop);
    }
}
