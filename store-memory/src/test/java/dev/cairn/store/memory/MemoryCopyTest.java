package dev.cairn.store.memory;

import dev.cairn.store.tck.CopyContractTest;

/** Copies between two named memory stores keep the copy contract; the stores are dropped after each test. */
class MemoryCopyTest extends CopyContractTest {
    MemoryCopyTest() {
        super(new MemoryFixture());
    }
}
