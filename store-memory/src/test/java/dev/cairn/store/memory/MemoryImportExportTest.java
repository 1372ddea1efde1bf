package dev.cairn.store.memory;

import dev.cairn.store.tck.ImportExportContractTest;

/** Import and export keep the whole contract on the memory store. */
class MemoryImportExportTest extends ImportExportContractTest {
    MemoryImportExportTest() {
        super(new MemoryFixture());
    }
}
