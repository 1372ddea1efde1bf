package dev.cairn.store.h2;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.CommandRunStoreContractTest;
import java.util.UUID;

/** Command runs and leases on an in-memory H2 database, one per test. */
class H2CommandRunStoreTest extends CommandRunStoreContractTest {
    @Override
    protected Store createStore() {
        return new H2StoreProvider().open(CairnConfig.of("h2:mem:runs-" + UUID.randomUUID()));
    }
}
