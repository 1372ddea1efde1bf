package dev.cairn.store.h2;

import dev.cairn.store.tck.ImportExportContractTest;

/** Import and export keep the whole contract on H2. */
class H2ImportExportTest extends ImportExportContractTest {
    H2ImportExportTest() {
        super(H2Fixture.inMemory());
    }

    /** The engine is the same on every backend; the 500 rounds run on memory and SQLite, 100 here. */
    @Override
    protected int mutationRounds() {
        return 100;
    }
}
