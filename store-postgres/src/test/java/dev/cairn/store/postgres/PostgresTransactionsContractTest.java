package dev.cairn.store.postgres;

import dev.cairn.store.tck.TransactionsContractTest;

/** The {@link TransactionsContractTest}, on a real PostgreSQL server, in a schema of its own for each test. */
class PostgresTransactionsContractTest extends TransactionsContractTest {
    PostgresTransactionsContractTest() {
        super(new PostgresFixture());
    }
}
