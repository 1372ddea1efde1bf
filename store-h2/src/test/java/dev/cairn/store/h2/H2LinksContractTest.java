package dev.cairn.store.h2;

import dev.cairn.store.tck.LinksContractTest;

/** The {@link LinksContractTest}, on an in-memory H2 database of its own for each test. */
class H2LinksContractTest extends LinksContractTest {
    H2LinksContractTest() {
        super(H2Fixture.inMemory());
    }
}
