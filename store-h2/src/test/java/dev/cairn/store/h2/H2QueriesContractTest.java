package dev.cairn.store.h2;

import dev.cairn.store.tck.QueriesContractTest;

/** The {@link QueriesContractTest}, on an in-memory H2 database of its own for each test. */
class H2QueriesContractTest extends QueriesContractTest {
    H2QueriesContractTest() {
        super(H2Fixture.inMemory());
    }
}
