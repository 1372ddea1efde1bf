package dev.cairn.store.sqlite;

import dev.cairn.store.tck.ConcurrencyContractTest;

/** The {@link ConcurrencyContractTest}, on a private {@code sqlite::memory:} database for each test. */
class SqliteInMemoryConcurrencyContractTest extends ConcurrencyContractTest {
    SqliteInMemoryConcurrencyContractTest() {
        super(SqliteFixture.inMemory());
    }
}
