package dev.cairn.store.sqlite;

import dev.cairn.store.tck.QueriesContractTest;

/** The {@link QueriesContractTest}, on a new SQLite file for each test. */
class SqliteQueriesContractTest extends QueriesContractTest {
    SqliteQueriesContractTest() {
        super(SqliteFixture.inFiles());
    }
}
