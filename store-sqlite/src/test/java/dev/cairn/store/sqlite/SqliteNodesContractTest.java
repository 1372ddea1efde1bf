package dev.cairn.store.sqlite;

import dev.cairn.store.tck.NodesContractTest;

/** The {@link NodesContractTest}, on a new SQLite file for each test. */
class SqliteNodesContractTest extends NodesContractTest {
    SqliteNodesContractTest() {
        super(SqliteFixture.inFiles());
    }
}
