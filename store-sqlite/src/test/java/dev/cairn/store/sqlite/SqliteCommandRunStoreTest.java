package dev.cairn.store.sqlite;

import dev.cairn.store.tck.CommandRunStoreContractTest;

/** Command runs and leases on a SQLite file, one per test. */
class SqliteCommandRunStoreTest extends CommandRunStoreContractTest {
    SqliteCommandRunStoreTest() {
        super(SqliteFixture.inFiles());
    }
}
