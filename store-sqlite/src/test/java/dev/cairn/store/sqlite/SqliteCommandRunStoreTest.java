package dev.cairn.store.sqlite;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.CommandRunStoreContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Command runs and leases on a SQLite file, one per test. */
class SqliteCommandRunStoreTest extends CommandRunStoreContractTest {
    @TempDir
    Path folder;

    @Override
    protected Store createStore() {
        return new SqliteStoreProvider().open(CairnConfig.of("sqlite:" + folder.resolve("plan.db")));
    }
}
