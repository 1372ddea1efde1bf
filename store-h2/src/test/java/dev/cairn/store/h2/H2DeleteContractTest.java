package dev.cairn.store.h2;

import dev.cairn.store.tck.DeleteContractTest;

/** The {@link DeleteContractTest}, on an in-memory H2 database of its own for each test. */
class H2DeleteContractTest extends DeleteContractTest {
    H2DeleteContractTest() {
        super(H2Fixture.inMemory());
    }
}
