package dev.cairn.store.sqlite;

import dev.cairn.store.tck.QueriesContractTest;

/** The {@link QueriesContractTest}, on a private {@code sqlite::memory:} database for each test. */
class SqliteInMemoryQueriesContractTest extends QueriesContractTest {
    SqliteInMemoryQueriesContractTest() {
        super(SqliteFixture.inMemory());
    }
}
