package dev.cairn.store.postgres;

import dev.cairn.store.tck.CommandRunTablesContractTest;

/** The tables of schema version 2 that record command runs and leases, as the store leaves them. */
class PostgresCommandRunTablesTest extends CommandRunTablesContractTest {
    PostgresCommandRunTablesTest() {
        super(new PostgresFixture());
    }
}
