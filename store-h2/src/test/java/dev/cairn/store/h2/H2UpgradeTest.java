package dev.cairn.store.h2;

import dev.cairn.store.tck.UpgradeContractTest;

/** An H2 file made by the first schema version, holding a plan, keeps all of it when migrated to the latest. */
class H2UpgradeTest extends UpgradeContractTest {
    H2UpgradeTest() {
        super(H2Fixture.inFiles());
    }
}
