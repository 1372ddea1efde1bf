package dev.cairn.store.memory;

import dev.cairn.store.tck.RollupContractTest;

/** The {@link RollupContractTest}, on a memory store of its own name for each test. */
class MemoryRollupContractTest extends RollupContractTest {
    MemoryRollupContractTest() {
        super(new MemoryFixture());
    }
}
