package dev.cairn.store.postgres;

import dev.cairn.store.tck.StoreContractTest;

/**
 * The PostgreSQL store keeps the whole contract, against a real server (embedded binaries, or the one named
 * by {@code CAIRN_TEST_PG_URL}), in a schema of its own for each test.
 */
class PostgresStoreContractTest extends StoreContractTest {
    PostgresStoreContractTest() {
        super(new PostgresFixture());
    }
}
