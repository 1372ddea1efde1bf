package dev.cairn.store.postgres;

import dev.cairn.store.tck.DeleteContractTest;

/** The {@link DeleteContractTest}, on a real PostgreSQL server, in a schema of its own for each test. */
class PostgresDeleteContractTest extends DeleteContractTest {
    PostgresDeleteContractTest() {
        super(new PostgresFixture());
    }
}
