package dev.cairn.cli;

import java.nio.file.Path;

/** {@code run} and {@code runs} against a SQLite file of their own. */
final class SqliteRunCommandsTest extends RunCommandsTest {
    @Override
    String newStoreUrl(Path folder) {
        return "sqlite:" + folder.resolve("plan.db");
    }
}
