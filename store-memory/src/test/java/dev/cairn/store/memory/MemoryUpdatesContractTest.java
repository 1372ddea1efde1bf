package dev.cairn.store.memory;

import dev.cairn.store.tck.UpdatesContractTest;

/** The {@link UpdatesContractTest}, on a memory store of its own name for each test. */
class MemoryUpdatesContractTest extends UpdatesContractTest {
    MemoryUpdatesContractTest() {
        super(new MemoryFixture());
    }
}
