package dev.cairn.core;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A node of the plan as stored. Links are not part of a node: ask {@link PlanGraph#parents} and
 * {@link PlanGraph#children}. Immutable and thread-safe.
 *
 * <p>Optional text fields are {@code null} when empty; labels are a sorted set of names; custom fields
 * hold JSON-able values; {@code command} is present on Command nodes only. Build one with
 * {@link #builder(String, Layer)}, or a changed copy with {@link #toBuilder()}.
 */
public record Node(
        String id,
        Layer layer,
        String title,
        String description,
        Status status,
        int progress,
        String owner,
        String assignee,
        Severity severity,
        WorkType workType,
        Set<String> labels,
        Instant startedAt,
        Instant completedAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        Map<String, Object> customFields,
        CommandSpec command) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        // Most nodes have neither: no copies made for them (a batch makes a hundred thousand).
        labels = labels == null || labels.isEmpty() ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(labels));
        customFields = customFields == null || customFields.isEmpty() ? Map.of() : Values.freezeMap(customFields);
    }

    /**
     * Every rule of the model this node breaks, in field order; empty when every write would accept it. For
     * checking what an import brings before anything is written.
     */
    public List<Violation> violations() {
        return NodeRules.check(this);
    }

    /** A copy with a different status and the dates and progress that come with it. */
    Node withState(Status newStatus, int newProgress, Instant newStartedAt, Instant newCompletedAt) {
        return toBuilder().status(newStatus).progress(newProgress).startedAt(newStartedAt)
                .completedAt(newCompletedAt).build();
    }

    /** A copy stamped as a new version. */
    Node touched(Instant at, long newVersion) {
        return toBuilder().updatedAt(at).version(newVersion).build();
    }

    /** A copy with other labels. */
    Node withLabels(Set<String> newLabels) {
        return toBuilder().labels(newLabels).build();
    }

    /**
     * A builder of the node {@code id} of {@code layer}: planned, progress 0, version 1, no labels, custom fields
     * or command. A title and both times are required; {@link Builder#build()} checks them.
     *
     * <pre>{@code
     * Node node = Node.builder("TSK-PARSER", Layer.TASK).title("Write the parser").createdAt(at).updatedAt(at).build();
     * }</pre>
     */
    public static Builder builder(String id, Layer layer) {
        return new Builder(id, layer);
    }

    /** A builder holding every field of this node, to make a copy that differs in some. */
    public Builder toBuilder() {
        return new Builder(id, layer).title(title).description(description).status(status).progress(progress)
                .owner(owner).assignee(assignee).severity(severity).workType(workType).labels(labels)
                .startedAt(startedAt).completedAt(completedAt).createdAt(createdAt).updatedAt(updatedAt)
                .version(version).customFields(customFields).command(command);
    }

    /**
     * The fields of a {@link Node}, set by name; {@link #build()} makes the record. Only the record's own
     * checks apply: a store builds what it reads, so the model's rules are left to {@link Node#violations()}
     * and to the writes that check them. Not thread-safe; reusable (each {@code build} copies what it needs).
     */
    public static final class Builder {
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
        private Instant startedAt;
        private Instant completedAt;
        private Instant createdAt;
        private Instant updatedAt;
        private long version = 1;
        private Map<String, Object> customFields = Map.of();
        private CommandSpec command;

        private Builder(String id, Layer layer) {
            this.id = id;
            this.layer = layer;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder status(Status status) {
            this.status = status;
            return this;
        }

        public Builder progress(int progress) {
            this.progress = progress;
            return this;
        }

        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        public Builder assignee(String assignee) {
            this.assignee = assignee;
            return this;
        }

        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        public Builder workType(WorkType workType) {
            this.workType = workType;
            return this;
        }

        /** The node's labels; {@code null} for none. */
        public Builder labels(Set<String> labels) {
            this.labels = labels;
            return this;
        }

        public Builder labels(String... names) {
            return labels(new LinkedHashSet<>(Arrays.asList(names)));
        }

        public Builder startedAt(Instant startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        public Builder completedAt(Instant completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** The node's custom fields, JSON-able values by name; {@code null} for none. */
        public Builder customFields(Map<String, Object> customFields) {
            this.customFields = customFields;
            return this;
        }

        /** The command spec of a Command node; {@code null} for any other. */
        public Builder command(CommandSpec command) {
            this.command = command;
            return this;
        }

        /**
         * The node, its labels and custom fields copied.
         *
         * @throws NullPointerException when the id, layer, title, status or either time is missing
         */
        public Node build() {
            // The one call of the canonical constructor: a new field is added here, in the record and in each
            // store's mapping, and nowhere else.
            return new Node(id, layer, title, description, status, progress, owner, assignee, severity, workType,
                    labels, startedAt, completedAt, createdAt, updatedAt, version, customFields, command);
        }
    }
}
