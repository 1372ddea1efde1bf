package dev.cairn.store.memory;

import dev.cairn.store.tck.RealFoldersContractTest;

/** Plan folders as projects keep them import and export on the memory store. */
class MemoryRealFoldersTest extends RealFoldersContractTest {
    MemoryRealFoldersTest() {
        super(new MemoryFixture());
    }
}
