package dev.cairn.store.memory;

import dev.cairn.store.tck.ValidationContractTest;

/** The {@link ValidationContractTest}, on a memory store of its own name for each test. */
class MemoryValidationContractTest extends ValidationContractTest {
    MemoryValidationContractTest() {
        super(new MemoryFixture());
    }
}
