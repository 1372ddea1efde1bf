package dev.cairn.store.sqlite;

import dev.cairn.store.tck.DeleteContractTest;

/** The {@link DeleteContractTest}, on a new SQLite file for each test. */
class SqliteDeleteContractTest extends DeleteContractTest {
    SqliteDeleteContractTest() {
        super(SqliteFixture.inFiles());
    }
}
