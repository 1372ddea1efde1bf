package dev.cairn.cli;

import java.nio.file.Path;
import java.util.UUID;

/** {@code run} and {@code runs} against a named in-memory store, which lives as long as the JVM. */
final class MemoryRunCommandsTest extends RunCommandsTest {
    @Override
    String newStoreUrl(Path folder) {
        return "memory:cli-run-" + UUID.randomUUID();
    }
}
