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
 *
 * @param id           the id: its layer's prefix, a dash and a name, such as {@code TSK-PARSER}
 * @param layer        the layer
 * @param title        a short title; never {@code null}
 * @param description  free text, or {@code null}
 * @param status       where the work stands
 * @param progress     its own progress, 0 to 100
 * @param owner        who owns it, or {@code null}
 * @param assignee     who does it, or {@code null}
 * @param severity     how much it matters, or {@code null}
 * @param workType     the kind of work, or {@code null}
 * @param labels       the names of its labels, sorted; never {@code null}
 * @param startedAt    when it first entered in_progress, or {@code null}
 * @param completedAt  when it was completed, or {@code null} unless it is
 * @param createdAt    when it was created
 * @param updatedAt    when it last changed
 * @param version      1 when created, one more with each change; for optimistic locking
 * @param customFields JSON-able values by name; never {@code null}
 * @param command      what a Command node verifies and how; {@code null} on every other node
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

    /**
     * Creates a {@code Node}, checking and copying its components.
     *
     * @param id           the id: its layer's prefix, a dash and a name, such as {@code TSK-PARSER}
     * @param layer        the layer
     * @param title        a short title; never {@code null}
     * @param description  free text, or {@code null}
     * @param status       where the work stands
     * @param progress     its own progress, 0 to 100
     * @param owner        who owns it, or {@code null}
     * @param assignee     who does it, or {@code null}
     * @param severity     how much it matters, or {@code null}
     * @param workType     the kind of work, or {@code null}
     * @param labels       the names of its labels, sorted; never {@code null}
     * @param startedAt    when it first entered in_progress, or {@code null}
     * @param completedAt  when it was completed, or {@code null} unless it is
     * @param createdAt    when it was created
     * @param updatedAt    when it last changed
     * @param version      1 when created, one more with each change; for optimistic locking
     * @param customFields JSON-able values by name; never {@code null}
     * @param command      what a Command node verifies and how; {@code null} on every other node
     */
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
     *
     * @return the broken rules, each naming the field, the value and the rule
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
     *
     * @param id    the node's id, with {@code layer}'s prefix
     * @param layer the node's layer
     * @return a builder with those defaults
     */
    public static Builder builder(String id, Layer layer) {
        return new Builder(id, layer);
    }

    /** {@return a builder holding every field of this node, to make a copy that differs in some} */
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

        /**
         * Sets the title; required.
         *
         * @param title a short title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /**
         * Sets the description.
         *
         * @param description free text, or {@code null}
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Sets the status; planned unless set.
         *
         * @param status where the work stands
         * @return this builder
         */
        public Builder status(Status status) {
            this.status = status;
            return this;
        }

        /**
         * Sets the node's own progress; 0 unless set.
         *
         * @param progress 0 to 100
         * @return this builder
         */
        public Builder progress(int progress) {
            this.progress = progress;
            return this;
        }

        /**
         * Sets the owner.
         *
         * @param owner who owns the node, or {@code null}
         * @return this builder
         */
        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        /**
         * Sets the assignee.
         *
         * @param assignee who does the work, or {@code null}
         * @return this builder
         */
        public Builder assignee(String assignee) {
            this.assignee = assignee;
            return this;
        }

        /**
         * Sets the severity.
         *
         * @param severity how much the node matters, or {@code null}
         * @return this builder
         */
        public Builder severity(Severity severity) {
            this.severity = severity;
            return this;
        }

        /**
         * Sets the work type.
         *
         * @param workType the kind of work, or {@code null}
         * @return this builder
         */
        public Builder workType(WorkType workType) {
            this.workType = workType;
            return this;
        }

        /**
         * The node's labels; {@code null} for none.
         *
         * @param labels label names, or {@code null}
         * @return this builder
         */
        public Builder labels(Set<String> labels) {
            this.labels = labels;
            return this;
        }

        /**
         * Sets the labels.
         *
         * @param names label names; none for no labels
         * @return this builder
         */
        public Builder labels(String... names) {
            return labels(new LinkedHashSet<>(Arrays.asList(names)));
        }

        /**
         * Sets when the node first entered in_progress.
         *
         * @param startedAt the time, or {@code null}
         * @return this builder
         */
        public Builder startedAt(Instant startedAt) {
            this.startedAt = startedAt;
            return this;
        }

        /**
         * Sets when the node was completed.
         *
         * @param completedAt the time, or {@code null}
         * @return this builder
         */
        public Builder completedAt(Instant completedAt) {
            this.completedAt = completedAt;
            return this;
        }

        /**
         * Sets when the node was created; required.
         *
         * @param createdAt the time
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /**
         * Sets when the node last changed; required.
         *
         * @param updatedAt the time
         * @return this builder
         */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /**
         * Sets the version; 1 unless set.
         *
         * @param version 1 or more
         * @return this builder
         */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /**
         * The node's custom fields, JSON-able values by name; {@code null} for none.
         *
         * @param customFields values by name, or {@code null}
         * @return this builder
         */
        public Builder customFields(Map<String, Object> customFields) {
            this.customFields = customFields;
            return this;
        }

        /**
         * The command spec of a Command node; {@code null} for any other.
         *
         * @param command what the Command node verifies and how, or {@code null}
         * @return this builder
         */
        public Builder command(CommandSpec command) {
            this.command = command;
            return this;
        }

        /**
         * The node, its labels and custom fields copied.
         *
         * @return the node
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
