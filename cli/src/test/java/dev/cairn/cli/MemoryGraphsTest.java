package dev.cairn.cli;

import java.nio.file.Path;
import java.util.UUID;

/** The graphs of a named in-memory store. */
final class MemoryGraphsTest extends StoreGraphsTest {
    @Override
    String newStoreUrl(Path folder) {
        return "memory:graphs-" + UUID.randomUUID();
    }
}
