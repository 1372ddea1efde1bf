package dev.cairn.store.h2;

import dev.cairn.store.tck.CommandRunStoreContractTest;

/** Command runs and leases on an in-memory H2 database, one per test. */
class H2CommandRunStoreTest extends CommandRunStoreContractTest {
    H2CommandRunStoreTest() {
        super(H2Fixture.inMemory());
    }
}
