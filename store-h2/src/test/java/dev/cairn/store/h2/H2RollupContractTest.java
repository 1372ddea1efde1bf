package dev.cairn.store.h2;

import dev.cairn.store.tck.RollupContractTest;

/** The {@link RollupContractTest}, on an in-memory H2 database of its own for each test. */
class H2RollupContractTest extends RollupContractTest {
    H2RollupContractTest() {
        super(H2Fixture.inMemory());
    }
}
