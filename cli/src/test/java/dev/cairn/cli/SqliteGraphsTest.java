package dev.cairn.cli;

import java.nio.file.Path;

/** The graphs of a SQLite file of their own. */
final class SqliteGraphsTest extends StoreGraphsTest {
    @Override
    String newStoreUrl(Path folder) {
        return "sqlite:" + folder.resolve("plan.db");
    }
}
