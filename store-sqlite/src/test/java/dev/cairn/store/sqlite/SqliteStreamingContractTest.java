package dev.cairn.store.sqlite;

import dev.cairn.store.tck.StreamingContractTest;

/** The {@link StreamingContractTest}, on a new SQLite file for each test. */
class SqliteStreamingContractTest extends StreamingContractTest {
    SqliteStreamingContractTest() {
        super(SqliteFixture.inFiles());
    }
}
