package dev.cairn.store.sqlite;

import dev.cairn.store.tck.BatchesContractTest;

/** The {@link BatchesContractTest}, on a private {@code sqlite::memory:} database for each test. */
class SqliteInMemoryBatchesContractTest extends BatchesContractTest {
    SqliteInMemoryBatchesContractTest() {
        super(SqliteFixture.inMemory());
    }
}
