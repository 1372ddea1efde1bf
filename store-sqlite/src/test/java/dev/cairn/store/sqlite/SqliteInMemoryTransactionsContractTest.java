package dev.cairn.store.sqlite;

import dev.cairn.store.tck.TransactionsContractTest;

/** The {@link TransactionsContractTest}, on a private {@code sqlite::memory:} database for each test. */
class SqliteInMemoryTransactionsContractTest extends TransactionsContractTest {
    SqliteInMemoryTransactionsContractTest() {
        super(SqliteFixture.inMemory());
    }
}
