package dev.cairn.store.h2;

import dev.cairn.store.tck.CopyContractTest;

/** Copies between two in-memory H2 databases keep the copy contract, new ones for each test. */
class H2CopyTest extends CopyContractTest {
    H2CopyTest() {
        super(H2Fixture.inMemory());
    }
}
