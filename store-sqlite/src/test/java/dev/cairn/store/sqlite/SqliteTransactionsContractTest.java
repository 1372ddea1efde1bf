package dev.cairn.store.sqlite;

import dev.cairn.store.tck.TransactionsContractTest;

/** The {@link TransactionsContractTest}, on a new SQLite file for each test. */
class SqliteTransactionsContractTest extends TransactionsContractTest {
    SqliteTransactionsContractTest() {
        super(SqliteFixture.inFiles());
    }
}
