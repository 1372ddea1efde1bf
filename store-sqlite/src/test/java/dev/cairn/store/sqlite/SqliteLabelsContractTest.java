package dev.cairn.store.sqlite;

import dev.cairn.store.tck.LabelsContractTest;

/** The {@link LabelsContractTest}, on a new SQLite file for each test. */
class SqliteLabelsContractTest extends LabelsContractTest {
    SqliteLabelsContractTest() {
        super(SqliteFixture.inFiles());
    }
}
