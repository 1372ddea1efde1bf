package dev.cairn.store.sqlite;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.StoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite store keeps the whole contract, on a new file in a temporary folder for each test. */
class SqliteStoreContractTest extends StoreContractTest {
    @TempDir
    Path folder;

    @Override
    protected Store createStore() {
        return new SqliteStoreProvider().open(CairnConfig.of("sqlite:" + folder.resolve("plan.db")));
    }

    @Override
    protected Store reopen(Store closed) {
        return createStore();
    }
}
