package dev.cairn.store.sqlite;

import dev.cairn.store.tck.LinksContractTest;

/** The {@link LinksContractTest}, on a private {@code sqlite::memory:} database for each test. */
class SqliteInMemoryLinksContractTest extends LinksContractTest {
    SqliteInMemoryLinksContractTest() {
        super(SqliteFixture.inMemory());
    }
}
