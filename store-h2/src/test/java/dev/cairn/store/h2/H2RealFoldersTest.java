package dev.cairn.store.h2;

import dev.cairn.store.tck.RealFoldersContractTest;

/** Plan folders as projects keep them import and export on the h2 store. */
class H2RealFoldersTest extends RealFoldersContractTest {
    H2RealFoldersTest() {
        super(H2Fixture.inMemory());
    }
}
