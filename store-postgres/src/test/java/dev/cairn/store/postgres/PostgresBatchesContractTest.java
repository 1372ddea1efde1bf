package dev.cairn.store.postgres;

import dev.cairn.store.tck.BatchesContractTest;

/** The {@link BatchesContractTest}, on a real PostgreSQL server, in a schema of its own for each test. */
class PostgresBatchesContractTest extends BatchesContractTest {
    PostgresBatchesContractTest() {
        super(new PostgresFixture());
    }
}
