package dev.cairn.store.h2;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.ImportExportContractTest;
import java.util.UUID;

/** Import and export keep the whole contract on H2. */
class H2ImportExportTest extends ImportExportContractTest {
    @Override
    protected Store createStore() {
        return new H2StoreProvider().open(CairnConfig.of("h2:mem:io-" + UUID.randomUUID()));
    }

    /** The engine is the same on every backend; the 500 rounds run on memory and SQLite, 100 here. */
    @Override
    protected int mutationRounds() {
        return 100;
    }
}
