package dev.cairn.store.memory;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.ImportExportContractTest;
import java.util.UUID;

/** Import and export keep the whole contract on the memory store. */
class MemoryImportExportTest extends ImportExportContractTest {
    @Override
    protected Store createStore() {
        return new MemoryStoreProvider().open(CairnConfig.of("memory:io-" + UUID.randomUUID()));
    }
}
