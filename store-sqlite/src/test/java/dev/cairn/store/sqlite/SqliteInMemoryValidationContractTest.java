package dev.cairn.store.sqlite;

import dev.cairn.store.tck.ValidationContractTest;

/** The {@link ValidationContractTest}, on a private {@code sqlite::memory:} database for each test. */
class SqliteInMemoryValidationContractTest extends ValidationContractTest {
    SqliteInMemoryValidationContractTest() {
        super(SqliteFixture.inMemory());
    }
}
