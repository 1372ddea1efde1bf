package dev.cairn.store.memory;

import dev.cairn.store.tck.LinksContractTest;

/** The {@link LinksContractTest}, on a memory store of its own name for each test. */
class MemoryLinksContractTest extends LinksContractTest {
    MemoryLinksContractTest() {
        super(new MemoryFixture());
    }
}
