package dev.cairn.store.memory;

import dev.cairn.store.tck.LabelsContractTest;

/** The {@link LabelsContractTest}, on a memory store of its own name for each test. */
class MemoryLabelsContractTest extends LabelsContractTest {
    MemoryLabelsContractTest() {
        super(new MemoryFixture());
    }
}
