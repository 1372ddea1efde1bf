package dev.cairn.store.postgres;

import dev.cairn.store.tck.StatusesContractTest;

/** The {@link StatusesContractTest}, on a real PostgreSQL server, in a schema of its own for each test. */
class PostgresStatusesContractTest extends StatusesContractTest {
    PostgresStatusesContractTest() {
        super(new PostgresFixture());
    }
}
