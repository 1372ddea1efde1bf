package dev.cairn.store.h2;

import dev.cairn.store.tck.CommandRunTablesContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The tables of schema version 2 that record command runs and leases, as the store leaves them. */
class H2CommandRunTablesTest extends CommandRunTablesContractTest {
    @TempDir
    Path folder;

    @Override
    protected String cairnUrl() {
        return "h2:file:" + folder.resolve("plan");
    }

    @Override
    protected String jdbcUrl() {
        return "jdbc:h2:file:" + folder.resolve("plan");
    }
}
