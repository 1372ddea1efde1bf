package dev.cairn.store.h2;

import dev.cairn.store.tck.NodesContractTest;

/** The {@link NodesContractTest}, on an in-memory H2 database of its own for each test. */
class H2NodesContractTest extends NodesContractTest {
    H2NodesContractTest() {
        super(H2Fixture.inMemory());
    }
}
