package dev.cairn.store.memory;

import dev.cairn.store.tck.TransactionsContractTest;

/** The {@link TransactionsContractTest}, on a memory store of its own name for each test. */
class MemoryTransactionsContractTest extends TransactionsContractTest {
    MemoryTransactionsContractTest() {
        super(new MemoryFixture());
    }
}
