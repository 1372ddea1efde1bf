package dev.cairn.cli;

import java.nio.file.Path;
import java.util.UUID;

/** The commands against a named in-memory store, which lives as long as the JVM. */
final class MemoryCommandsTest extends CommandsTest {
    @Override
    String newStoreUrl(Path folder) {
        return "memory:cli-" + UUID.randomUUID();
    }
}
