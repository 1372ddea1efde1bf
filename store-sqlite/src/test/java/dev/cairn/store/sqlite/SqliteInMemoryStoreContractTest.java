package dev.cairn.store.sqlite;

import dev.cairn.store.tck.StoreContractTest;

/** {@code sqlite::memory:}, SQLite's in-memory form for tests, keeps the whole contract too. */
class SqliteInMemoryStoreContractTest extends StoreContractTest {
    SqliteInMemoryStoreContractTest() {
        super(SqliteFixture.inMemory());
    }
}
