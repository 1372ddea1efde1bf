package dev.cairn.store.postgres;

import dev.cairn.store.tck.UpdatesContractTest;

/** The {@link UpdatesContractTest}, on a real PostgreSQL server, in a schema of its own for each test. */
class PostgresUpdatesContractTest extends UpdatesContractTest {
    PostgresUpdatesContractTest() {
        super(new PostgresFixture());
    }
}
