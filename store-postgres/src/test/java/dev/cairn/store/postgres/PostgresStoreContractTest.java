package dev.cairn.store.postgres;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.StoreContractTest;
import dev.cairn.test.postgres.PostgresServer;

/**
 * The PostgreSQL store keeps the whole contract, against a real server (embedded binaries, or the one named
 * by {@code CAIRN_TEST_PG_URL}), in a schema of its own for each test.
 */
class PostgresStoreContractTest extends StoreContractTest {
    private String schema;

    @Override
    protected Store createStore() {
        schema = PostgresServer.unusedSchema("tck");
        return open();
    }

    @Override
    protected Store reopen(Store closed) {
        return open();
    }

    private Store open() {
        return new PostgresStoreProvider().open(CairnConfig.of(PostgresServer.cairnUrl(schema)));
    }
}
