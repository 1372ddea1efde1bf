package dev.cairn.store.postgres;

import dev.cairn.store.tck.RealFoldersContractTest;

/** Plan folders as projects keep them import and export on the postgres store. */
class PostgresRealFoldersTest extends RealFoldersContractTest {
    PostgresRealFoldersTest() {
        super(new PostgresFixture());
    }
}
