package dev.cairn.store.memory;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.EventType;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.spi.NewEvent;
import dev.cairn.core.spi.Store;
import java.time.Instant;
import java.util.Map;

/** Nodes, events and stores for the tests, built the way core would hand them to a store. */
final class TestNodes {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private TestNodes() {
    }

    static Store privateStore() {
        return new MemoryStoreProvider().open(CairnConfig.of("memory:"));
    }

    /** A planned node whose layer follows from the prefix of {@code id}, titled and stamped at {@link #T0}. */
    static Node.Builder node(String id) {
        Layer layer = Layer.forPrefix(id.substring(0, id.indexOf('-'))).orElseThrow();
        return Node.builder(id, layer).title("Title of " + id).createdAt(T0).updatedAt(T0);
    }

    /** The command spec of a Command node that verifies {@code acceptanceCriteriaId}. */
    static CommandSpec verifying(String acceptanceCriteriaId) {
        return CommandSpec.of(acceptanceCriteriaId, "make test");
    }

    static NewEvent event(String nodeId, EventType type) {
        return new NewEvent(nodeId, type, T0, "test", Map.of("note", type.name()));
    }
}
