package dev.cairn.store.memory;

import dev.cairn.store.tck.BatchesContractTest;

/** The {@link BatchesContractTest}, on a memory store of its own name for each test. */
class MemoryBatchesContractTest extends BatchesContractTest {
    MemoryBatchesContractTest() {
        super(new MemoryFixture());
    }
}
