package dev.cairn.store.memory;

import dev.cairn.store.tck.QueriesContractTest;

/** The {@link QueriesContractTest}, on a memory store of its own name for each test. */
class MemoryQueriesContractTest extends QueriesContractTest {
    MemoryQueriesContractTest() {
        super(new MemoryFixture());
    }
}
