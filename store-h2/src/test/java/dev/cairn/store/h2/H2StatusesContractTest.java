package dev.cairn.store.h2;

import dev.cairn.store.tck.StatusesContractTest;

/** The {@link StatusesContractTest}, on an in-memory H2 database of its own for each test. */
class H2StatusesContractTest extends StatusesContractTest {
    H2StatusesContractTest() {
        super(H2Fixture.inMemory());
    }
}
