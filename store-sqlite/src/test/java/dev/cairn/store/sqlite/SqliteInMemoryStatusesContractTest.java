package dev.cairn.store.sqlite;

import dev.cairn.store.tck.StatusesContractTest;

/** The {@link StatusesContractTest}, on a private {@code sqlite::memory:} database for each test. */
class SqliteInMemoryStatusesContractTest extends StatusesContractTest {
    SqliteInMemoryStatusesContractTest() {
        super(SqliteFixture.inMemory());
    }
}
