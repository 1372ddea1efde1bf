package dev.cairn.store.sqlite;

import dev.cairn.store.tck.UpdatesContractTest;

/** The {@link UpdatesContractTest}, on a private {@code sqlite::memory:} database for each test. */
class SqliteInMemoryUpdatesContractTest extends UpdatesContractTest {
    SqliteInMemoryUpdatesContractTest() {
        super(SqliteFixture.inMemory());
    }
}
