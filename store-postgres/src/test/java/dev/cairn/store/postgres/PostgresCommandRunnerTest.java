package dev.cairn.store.postgres;

import dev.cairn.store.tck.CommandRunnerContractTest;

/** Running Commands with their runs recorded on a real PostgreSQL server, a new schema for each store a test asks for. */
class PostgresCommandRunnerTest extends CommandRunnerContractTest {
    PostgresCommandRunnerTest() {
        super(new PostgresFixture());
    }
}
