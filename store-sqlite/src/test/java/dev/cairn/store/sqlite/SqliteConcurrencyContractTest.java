package dev.cairn.store.sqlite;

import dev.cairn.store.tck.ConcurrencyContractTest;

/** The {@link ConcurrencyContractTest}, on a new SQLite file for each test. */
class SqliteConcurrencyContractTest extends ConcurrencyContractTest {
    SqliteConcurrencyContractTest() {
        super(SqliteFixture.inFiles());
    }
}
