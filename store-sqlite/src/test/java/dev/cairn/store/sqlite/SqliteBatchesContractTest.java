package dev.cairn.store.sqlite;

import dev.cairn.store.tck.BatchesContractTest;

/** The {@link BatchesContractTest}, on a new SQLite file for each test. */
class SqliteBatchesContractTest extends BatchesContractTest {
    SqliteBatchesContractTest() {
        super(SqliteFixture.inFiles());
    }
}
