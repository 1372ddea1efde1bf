package dev.cairn.store.h2;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.StoreContractTest;
import java.util.UUID;

/** The H2 store keeps the whole contract, on an in-memory database of its own for each test. */
class H2StoreContractTest extends StoreContractTest {
    @Override
    protected Store createStore() {
        return new H2StoreProvider().open(CairnConfig.of("h2:mem:tck-" + UUID.randomUUID()));
    }
}
