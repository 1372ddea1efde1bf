package dev.cairn.store.h2;

import dev.cairn.store.tck.ValidationContractTest;

/** The {@link ValidationContractTest}, on an in-memory H2 database of its own for each test. */
class H2ValidationContractTest extends ValidationContractTest {
    H2ValidationContractTest() {
        super(H2Fixture.inMemory());
    }
}
