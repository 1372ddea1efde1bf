package dev.cairn.store.memory;

import dev.cairn.store.tck.DeleteContractTest;

/** The {@link DeleteContractTest}, on a memory store of its own name for each test. */
class MemoryDeleteContractTest extends DeleteContractTest {
    MemoryDeleteContractTest() {
        super(new MemoryFixture());
    }
}
