package dev.cairn.store.sqlite;

import dev.cairn.store.tck.RollupContractTest;

/** The {@link RollupContractTest}, on a private {@code sqlite::memory:} database for each test. */
class SqliteInMemoryRollupContractTest extends RollupContractTest {
    SqliteInMemoryRollupContractTest() {
        super(SqliteFixture.inMemory());
    }
}
