package dev.cairn.store.sqlite;

import dev.cairn.store.tck.RealFoldersContractTest;

/** Plan folders as projects keep them import and export on the sqlite store. */
class SqliteRealFoldersTest extends RealFoldersContractTest {
    SqliteRealFoldersTest() {
        super(SqliteFixture.inFiles());
    }
}
