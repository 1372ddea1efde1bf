package dev.cairn.store.postgres;

import dev.cairn.store.tck.CommandRunStoreContractTest;

/** Command runs and leases on a real PostgreSQL server, in a schema of its own for each test. */
class PostgresCommandRunStoreTest extends CommandRunStoreContractTest {
    PostgresCommandRunStoreTest() {
        super(new PostgresFixture());
    }
}
