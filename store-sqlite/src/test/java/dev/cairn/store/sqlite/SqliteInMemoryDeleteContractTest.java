package dev.cairn.store.sqlite;

import dev.cairn.store.tck.DeleteContractTest;

/** The {@link DeleteContractTest}, on a private {@code sqlite::memory:} database for each test. */
class SqliteInMemoryDeleteContractTest extends DeleteContractTest {
    SqliteInMemoryDeleteContractTest() {
        super(SqliteFixture.inMemory());
    }
}
