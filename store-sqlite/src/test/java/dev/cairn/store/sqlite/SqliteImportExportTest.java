package dev.cairn.store.sqlite;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.Store;
import dev.cairn.store.tck.ImportExportContractTest;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;

/** Import and export keep the whole contract on SQLite files. */
class SqliteImportExportTest extends ImportExportContractTest {
    @TempDir
    Path folder;

    @Override
    protected Store createStore() {
        return new SqliteStoreProvider().open(CairnConfig.of("sqlite:" + folder.resolve(UUID.randomUUID() + ".db")));
    }
}
