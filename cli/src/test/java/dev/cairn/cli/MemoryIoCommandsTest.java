package dev.cairn.cli;

import java.nio.file.Path;
import java.util.UUID;

/**
 * The import, export, copy and check commands against named in-memory stores; the store copied and imported
 * into is a SQLite file, since a copy into a store in memory is refused (it is gone when the command ends).
 */
final class MemoryIoCommandsTest extends IoCommandsTest {
    @Override
    String newStoreUrl(Path folder, String name) {
        return name.equals("second") ? "sqlite:" + folder.resolve("second.db")
                : "memory:cli-" + name + "-" + UUID.randomUUID();
    }
}
