package dev.cairn.store.memory;

import dev.cairn.store.tck.CommandRunnerContractTest;

/** Running Commands with their runs recorded in memory stores, one or more per test, dropped after it. */
class MemoryCommandRunnerTest extends CommandRunnerContractTest {
    MemoryCommandRunnerTest() {
        super(new MemoryFixture());
    }
}
