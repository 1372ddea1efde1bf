package dev.cairn.store.sqlite;

import dev.cairn.store.tck.CommandRunTablesContractTest;

/** The tables of schema version 2 that record command runs and leases, as the store leaves them. */
class SqliteCommandRunTablesTest extends CommandRunTablesContractTest {
    SqliteCommandRunTablesTest() {
        super(SqliteFixture.inFiles());
    }
}
