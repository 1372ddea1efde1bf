package dev.cairn.store.sqlite;

import dev.cairn.store.tck.StatusesContractTest;

/** The {@link StatusesContractTest}, on a new SQLite file for each test. */
class SqliteStatusesContractTest extends StatusesContractTest {
    SqliteStatusesContractTest() {
        super(SqliteFixture.inFiles());
    }
}
