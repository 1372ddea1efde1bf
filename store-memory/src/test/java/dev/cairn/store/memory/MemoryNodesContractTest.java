package dev.cairn.store.memory;

import dev.cairn.store.tck.NodesContractTest;

/** The {@link NodesContractTest}, on a memory store of its own name for each test. */
class MemoryNodesContractTest extends NodesContractTest {
    MemoryNodesContractTest() {
        super(new MemoryFixture());
    }
}
