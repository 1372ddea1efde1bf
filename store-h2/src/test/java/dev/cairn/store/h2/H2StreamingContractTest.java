package dev.cairn.store.h2;

import dev.cairn.store.tck.StreamingContractTest;

/** The {@link StreamingContractTest}, on an in-memory H2 database of its own for each test. */
class H2StreamingContractTest extends StreamingContractTest {
    H2StreamingContractTest() {
        super(H2Fixture.inMemory());
    }
}
