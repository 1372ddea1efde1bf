package dev.cairn.store.h2;

import dev.cairn.store.tck.CommandRunTablesContractTest;

/** The tables of schema version 2 that record command runs and leases, as the store leaves them. */
class H2CommandRunTablesTest extends CommandRunTablesContractTest {
    H2CommandRunTablesTest() {
        super(H2Fixture.inFiles());
    }
}
