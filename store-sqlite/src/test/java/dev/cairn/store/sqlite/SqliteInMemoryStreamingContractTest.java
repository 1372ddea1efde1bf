package dev.cairn.store.sqlite;

import dev.cairn.store.tck.StreamingContractTest;

/** The {@link StreamingContractTest}, on a private {@code sqlite::memory:} database for each test. */
class SqliteInMemoryStreamingContractTest extends StreamingContractTest {
    SqliteInMemoryStreamingContractTest() {
        super(SqliteFixture.inMemory());
    }
}
