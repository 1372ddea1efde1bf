package dev.cairn.store.postgres;

import dev.cairn.store.tck.QueriesContractTest;

/** The {@link QueriesContractTest}, on a real PostgreSQL server, in a schema of its own for each test. */
class PostgresQueriesContractTest extends QueriesContractTest {
    PostgresQueriesContractTest() {
        super(new PostgresFixture());
    }
}
