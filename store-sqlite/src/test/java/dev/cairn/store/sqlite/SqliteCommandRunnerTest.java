package dev.cairn.store.sqlite;

import dev.cairn.store.tck.CommandRunnerContractTest;

/** Running Commands with their runs recorded in SQLite files, a new one for each store a test asks for. */
class SqliteCommandRunnerTest extends CommandRunnerContractTest {
    SqliteCommandRunnerTest() {
        super(SqliteFixture.inFiles());
    }
}
