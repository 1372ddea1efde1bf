package dev.cairn.store.h2;

import dev.cairn.store.tck.StoreContractTest;

/** The H2 store keeps the whole contract, on an in-memory database of its own for each test. */
class H2StoreContractTest extends StoreContractTest {
    H2StoreContractTest() {
        super(H2Fixture.inMemory());
    }
}
