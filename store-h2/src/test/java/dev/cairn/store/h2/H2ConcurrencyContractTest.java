package dev.cairn.store.h2;

import dev.cairn.store.tck.ConcurrencyContractTest;

/** The {@link ConcurrencyContractTest}, on an in-memory H2 database of its own for each test. */
class H2ConcurrencyContractTest extends ConcurrencyContractTest {
    H2ConcurrencyContractTest() {
        super(H2Fixture.inMemory());
    }
}
