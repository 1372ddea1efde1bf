package dev.cairn.store.sqlite;

import dev.cairn.store.tck.CopyContractTest;

/** Copies between two SQLite files keep the copy contract, in a temporary folder for each test. */
class SqliteCopyTest extends CopyContractTest {
    SqliteCopyTest() {
        super(SqliteFixture.inFiles());
    }
}
