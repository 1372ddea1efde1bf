package dev.cairn.store.h2;

import dev.cairn.migrations.MigrationSet;
import dev.cairn.store.tck.UpgradeContractTest;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** An H2 file made by the first schema version, holding a plan, keeps all of it when migrated to the latest. */
class H2UpgradeTest extends UpgradeContractTest {
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

    @Override
    protected MigrationSet migrationSet() {
        return new H2MigrationSet();
    }

    @Override
    protected String booleanText(boolean value) {
        return value ? "TRUE" : "FALSE";
    }
}
