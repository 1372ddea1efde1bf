package dev.cairn.store.memory;

import dev.cairn.store.tck.ConcurrencyContractTest;

/** The {@link ConcurrencyContractTest}, on a memory store of its own name for each test. */
class MemoryConcurrencyContractTest extends ConcurrencyContractTest {
    MemoryConcurrencyContractTest() {
        super(new MemoryFixture());
    }
}
