package dev.cairn.store.sqlite;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.StoreContractTest;

/** {@code sqlite::memory:}, SQLite's in-memory form for tests, keeps the whole contract too. */
class SqliteInMemoryStoreContractTest extends StoreContractTest {
    @Override
    protected Store createStore() {
        return new SqliteStoreProvider().open(CairnConfig.of("sqlite::memory:"));
    }
}
