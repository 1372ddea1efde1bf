package dev.cairn.store.sqlite;

import dev.cairn.store.tck.LinksContractTest;

/** The {@link LinksContractTest}, on a new SQLite file for each test. */
class SqliteLinksContractTest extends LinksContractTest {
    SqliteLinksContractTest() {
        super(SqliteFixture.inFiles());
    }
}
