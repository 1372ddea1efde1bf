package dev.cairn.store.memory;

import dev.cairn.store.tck.EventsContractTest;

/** The {@link EventsContractTest}, on a memory store of its own name for each test. */
class MemoryEventsContractTest extends EventsContractTest {
    MemoryEventsContractTest() {
        super(new MemoryFixture());
    }
}
