package dev.cairn.store.sqlite;

import dev.cairn.store.tck.CopyContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Copies between two SQLite files keep the copy contract, in a temporary folder for each test. */
class SqliteCopyTest extends CopyContractTest {
    @TempDir
    Path folder;

    @Override
    protected String newStoreUrl(String name) {
        return "sqlite:" + folder.resolve(name + ".db");
    }
}
