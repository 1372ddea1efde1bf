package dev.cairn.store.h2;

import dev.cairn.store.tck.TransactionsContractTest;

/** The {@link TransactionsContractTest}, on an in-memory H2 database of its own for each test. */
class H2TransactionsContractTest extends TransactionsContractTest {
    H2TransactionsContractTest() {
        super(H2Fixture.inMemory());
    }
}
