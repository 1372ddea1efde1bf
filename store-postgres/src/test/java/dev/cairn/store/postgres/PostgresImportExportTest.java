package dev.cairn.store.postgres;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.ImportExportContractTest;
import dev.cairn.test.postgres.PostgresServer;

/** Import and export keep the whole contract on PostgreSQL, each store in a schema of its own. */
class PostgresImportExportTest extends ImportExportContractTest {
    @Override
    protected Store createStore() {
        return new PostgresStoreProvider().open(CairnConfig.of(PostgresServer.cairnUrl(
                PostgresServer.unusedSchema("io"))));
    }

    /** The engine is the same on every backend; the 500 rounds run on memory and SQLite, 100 here. */
    @Override
    protected int mutationRounds() {
        return 100;
    }
}
