package dev.cairn.store.postgres;

import dev.cairn.store.tck.RollupContractTest;

/** The {@link RollupContractTest}, on a real PostgreSQL server, in a schema of its own for each test. */
class PostgresRollupContractTest extends RollupContractTest {
    PostgresRollupContractTest() {
        super(new PostgresFixture());
    }
}
