package dev.cairn.store.memory;

import dev.cairn.store.tck.StreamingContractTest;

/** The {@link StreamingContractTest}, on a memory store of its own name for each test. */
class MemoryStreamingContractTest extends StreamingContractTest {
    MemoryStreamingContractTest() {
        super(new MemoryFixture());
    }
}
