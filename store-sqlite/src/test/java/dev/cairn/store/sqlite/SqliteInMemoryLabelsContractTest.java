package dev.cairn.store.sqlite;

import dev.cairn.store.tck.LabelsContractTest;

/** The {@link LabelsContractTest}, on a private {@code sqlite::memory:} database for each test. */
class SqliteInMemoryLabelsContractTest extends LabelsContractTest {
    SqliteInMemoryLabelsContractTest() {
        super(SqliteFixture.inMemory());
    }
}
