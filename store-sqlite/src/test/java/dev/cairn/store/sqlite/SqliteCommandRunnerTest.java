package dev.cairn.store.sqlite;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.CommandRunnerContractTest;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** Running Commands with their runs recorded in SQLite files, a new one for each store a test asks for. */
class SqliteCommandRunnerTest extends CommandRunnerContractTest {
    @TempDir
    Path stores;

    @Override
    protected Store createStore() {
        return new SqliteStoreProvider().open(CairnConfig.of("sqlite:" + stores.resolve(UUID.randomUUID() + ".db")));
    }
}
