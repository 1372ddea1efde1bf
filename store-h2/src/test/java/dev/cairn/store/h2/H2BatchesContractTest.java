package dev.cairn.store.h2;

import dev.cairn.store.tck.BatchesContractTest;

/** The {@link BatchesContractTest}, on an in-memory H2 database of its own for each test. */
class H2BatchesContractTest extends BatchesContractTest {
    H2BatchesContractTest() {
        super(H2Fixture.inMemory());
    }
}
