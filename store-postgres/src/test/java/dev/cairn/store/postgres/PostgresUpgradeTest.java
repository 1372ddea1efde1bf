package dev.cairn.store.postgres;

import dev.cairn.store.tck.UpgradeContractTest;

/** A PostgreSQL schema made by the first schema version, holding a plan, keeps all of it when migrated to the latest. */
class PostgresUpgradeTest extends UpgradeContractTest {
    PostgresUpgradeTest() {
        super(new PostgresFixture());
    }
}
