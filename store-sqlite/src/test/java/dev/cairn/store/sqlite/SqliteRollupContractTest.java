package dev.cairn.store.sqlite;

import dev.cairn.store.tck.RollupContractTest;

/** The {@link RollupContractTest}, on a new SQLite file for each test. */
class SqliteRollupContractTest extends RollupContractTest {
    SqliteRollupContractTest() {
        super(SqliteFixture.inFiles());
    }
}
