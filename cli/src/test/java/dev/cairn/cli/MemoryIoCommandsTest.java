package dev.cairn.cli;

import java.nio.file.Path;
import java.util.UUID;

/** The import, export, copy and check commands against named in-memory stores. */
final class MemoryIoCommandsTest extends IoCommandsTest {
    @Override
    String newStoreUrl(Path folder, String name) {
        return "memory:cli-" + name + "-" + UUID.randomUUID();
    }
}
