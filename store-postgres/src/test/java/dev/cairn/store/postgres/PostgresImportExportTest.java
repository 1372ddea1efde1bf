package dev.cairn.store.postgres;

import dev.cairn.store.tck.ImportExportContractTest;

/** Import and export keep the whole contract on PostgreSQL, each store in a schema of its own. */
class PostgresImportExportTest extends ImportExportContractTest {
    PostgresImportExportTest() {
        super(new PostgresFixture());
    }

    /** The engine is the same on every backend; the 500 rounds run on memory and SQLite, 100 here. */
    @Override
    protected int mutationRounds() {
        return 100;
    }
}
