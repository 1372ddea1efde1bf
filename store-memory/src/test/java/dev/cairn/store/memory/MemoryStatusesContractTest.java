package dev.cairn.store.memory;

import dev.cairn.store.tck.StatusesContractTest;

/** The {@link StatusesContractTest}, on a memory store of its own name for each test. */
class MemoryStatusesContractTest extends StatusesContractTest {
    MemoryStatusesContractTest() {
        super(new MemoryFixture());
    }
}
