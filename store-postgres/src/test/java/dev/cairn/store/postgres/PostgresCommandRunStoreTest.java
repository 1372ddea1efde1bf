package dev.cairn.store.postgres;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.CommandRunStoreContractTest;
import dev.cairn.test.postgres.PostgresServer;

/** Command runs and leases on a real PostgreSQL server, in a schema of its own for each test. */
class PostgresCommandRunStoreTest extends CommandRunStoreContractTest {
    @Override
    protected Store createStore() {
        return new PostgresStoreProvider().open(CairnConfig.of(PostgresServer.cairnUrl(
                PostgresServer.unusedSchema("runs"))));
    }
}
