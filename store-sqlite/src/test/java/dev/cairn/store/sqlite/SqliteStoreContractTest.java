package dev.cairn.store.sqlite;

import dev.cairn.store.tck.StoreContractTest;

/** The SQLite store keeps the whole contract, on a new file in a temporary folder for each test. */
class SqliteStoreContractTest extends StoreContractTest {
    SqliteStoreContractTest() {
        super(SqliteFixture.inFiles());
    }
}
