package dev.cairn.store.h2;

import dev.cairn.store.tck.CommandRunnerContractTest;

/** Running Commands with their runs recorded in in-memory H2 databases, a new one for each store a test asks for. */
class H2CommandRunnerTest extends CommandRunnerContractTest {
    H2CommandRunnerTest() {
        super(H2Fixture.inMemory());
    }
}
