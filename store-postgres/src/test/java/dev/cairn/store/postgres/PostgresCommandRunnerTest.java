package dev.cairn.store.postgres;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.CommandRunnerContractTest;
import dev.cairn.test.postgres.PostgresServer;

/** Running Commands with their runs recorded on a real PostgreSQL server, a new schema for each store a test asks for. */
class PostgresCommandRunnerTest extends CommandRunnerContractTest {
    @Override
    protected Store createStore() {
        return new PostgresStoreProvider().open(CairnConfig.of(PostgresServer.cairnUrl(PostgresServer.unusedSchema("runner"))));
    }
}
