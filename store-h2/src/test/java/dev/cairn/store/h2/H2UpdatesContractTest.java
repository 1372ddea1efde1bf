package dev.cairn.store.h2;

import dev.cairn.store.tck.UpdatesContractTest;

/** The {@link UpdatesContractTest}, on an in-memory H2 database of its own for each test. */
class H2UpdatesContractTest extends UpdatesContractTest {
    H2UpdatesContractTest() {
        super(H2Fixture.inMemory());
    }
}
