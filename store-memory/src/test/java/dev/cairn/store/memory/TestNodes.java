package dev.cairn.store.memory;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.EventType;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.WorkType;
import dev.cairn.core.spi.NewEvent;
import dev.cairn.core.spi.Store;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Nodes, events and stores for the tests, built the way core would hand them to a store. */
final class TestNodes {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private TestNodes() {
    }

    static Store privateStore() {
        return new MemoryStoreProvider().open(CairnConfig.of("memory:"));
    }

    /** A planned node whose layer follows from the prefix of {@code id}. */
    static Builder node(String id) {
        return new Builder(id);
    }

    static NewEvent event(String nodeId, EventType type) {
        return new NewEvent(nodeId, type, T0, "test", Map.of("note", type.name()));
    }

    /** A mutable recipe for one node; {@link #build()} makes the immutable record. */
    static final class Builder {
        private final String id;
        private final Layer layer;
        private String title;
        private String description;
        private Status status = Status.PLANNED;
        private int progress;
        private String owner;
        private String assignee;
        private Severity severity;
        private WorkType workType;
        private Set<String> labels = Set.of();
        private Instant createdAt = T0;
        private Instant updatedAt = T0;
        private long version = 1;
        private CommandSpec command;

        private Builder(String id) {
            this.id = id;
            this.layer = Layer.forPrefix(id.substring(0, id.indexOf('-'))).orElseThrow();
            this.title = "Title of " + id;
        }

        Builder title(String value) {
            title = value;
            return this;
        }

        Builder description(String value) {
            description = value;
            return this;
        }

        Builder status(Status value) {
            status = value;
            return this;
        }

        Builder progress(int value) {
            progress = value;
            return this;
        }

        Builder owner(String value) {
            owner = value;
            return this;
        }

        Builder assignee(String value) {
            assignee = value;
            return this;
        }

        Builder severity(Severity value) {
            severity = value;
            return this;
        }

        Builder workType(WorkType value) {
            workType = value;
            return this;
        }

        Builder labels(String... values) {
            labels = Set.of(values);
            return this;
        }

        Builder createdAt(Instant value) {
            createdAt = value;
            return this;
        }

        Builder updatedAt(Instant value) {
            updatedAt = value;
            return this;
        }

        Builder version(long value) {
            version = value;
            return this;
        }

        Builder verifies(String acceptanceCriteriaId) {
            command = CommandSpec.of(acceptanceCriteriaId, "make test");
            return this;
        }

        Node build() {
            return new Node(id, layer, title, description, status, progress, owner, assignee, severity, workType,
                    labels, null, null, createdAt, updatedAt, version, Map.of(), command);
        }
    }
}
