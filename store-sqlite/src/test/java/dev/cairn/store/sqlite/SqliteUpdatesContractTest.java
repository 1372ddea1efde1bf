package dev.cairn.store.sqlite;

import dev.cairn.store.tck.UpdatesContractTest;

/** The {@link UpdatesContractTest}, on a new SQLite file for each test. */
class SqliteUpdatesContractTest extends UpdatesContractTest {
    SqliteUpdatesContractTest() {
        super(SqliteFixture.inFiles());
    }
}
