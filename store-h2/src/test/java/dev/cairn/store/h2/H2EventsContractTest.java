package dev.cairn.store.h2;

import dev.cairn.store.tck.EventsContractTest;

/** The {@link EventsContractTest}, on an in-memory H2 database of its own for each test. */
class H2EventsContractTest extends EventsContractTest {
    H2EventsContractTest() {
        super(H2Fixture.inMemory());
    }
}
