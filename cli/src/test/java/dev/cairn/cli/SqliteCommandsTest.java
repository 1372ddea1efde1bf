package dev.cairn.cli;

import java.nio.file.Path;

/** The commands against a SQLite file of their own. */
final class SqliteCommandsTest extends CommandsTest {
    @Override
    String newStoreUrl(Path folder) {
        return "sqlite:" + folder.resolve("plan.db");
    }
}
