package dev.cairn.cli;

import java.nio.file.Path;
import java.util.UUID;

/** The graphs of an in-memory H2 database of their own. */
final class H2GraphsTest extends StoreGraphsTest {
    @Override
    String newStoreUrl(Path folder) {
        return "h2:mem:graphs-" + UUID.randomUUID();
    }
}
