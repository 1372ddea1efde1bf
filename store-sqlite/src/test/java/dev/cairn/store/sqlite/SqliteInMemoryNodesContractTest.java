package dev.cairn.store.sqlite;

import dev.cairn.store.tck.NodesContractTest;

/** The {@link NodesContractTest}, on a private {@code sqlite::memory:} database for each test. */
class SqliteInMemoryNodesContractTest extends NodesContractTest {
    SqliteInMemoryNodesContractTest() {
        super(SqliteFixture.inMemory());
    }
}
