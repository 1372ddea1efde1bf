package dev.cairn.store.sqlite;

import dev.cairn.store.tck.ValidationContractTest;

/** The {@link ValidationContractTest}, on a new SQLite file for each test. */
class SqliteValidationContractTest extends ValidationContractTest {
    SqliteValidationContractTest() {
        super(SqliteFixture.inFiles());
    }
}
