package dev.cairn.core;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a new node is made of; {@link PlanGraph#create} checks it and stores it. Only the layer and the
 * title are required: the id is generated when absent, the status is planned.
 *
 * <pre>{@code
 * cairn.create(NodeDraft.of(Layer.TASK, "Write the parser").owner("ana").labels("parser").parents(goal.id()));
 * }</pre>
 *
 * <p>A builder: not thread-safe, and reusable (each {@code create} copies what it needs).
 */
public final class NodeDraft {
    private final Layer layer;
    private String title;
    private String id;
    private String description;
    private Status status = Status.PLANNED;
    private Integer progress;
    private String owner;
    private String assignee;
    private Severity severity;
    private WorkType workType;
    private final Set<String> labels = new LinkedHashSet<>();
    private final Set<String> parents = new LinkedHashSet<>();
    private Instant startedAt;
    private Instant completedAt;
    private Instant createdAt;
    private final Map<String, Object> customFields = new LinkedHashMap<>();
    private CommandSpec command;

    private NodeDraft(Layer layer, String title) {
        this.layer = Objects.requireNonNull(layer, "layer");
        this.title = title;
    }

    /**
     * A draft of a node of {@code layer} titled {@code title}.
     *
     * @param layer the layer of the node
     * @param title a short title
     * @return a draft that is planned, with no parents, labels or custom fields
     */
    public static NodeDraft of(Layer layer, String title) {
        return new NodeDraft(layer, title);
    }

    /**
     * Sets the id; one is generated from the layer's prefix when none is set.
     *
     * @param id the node's id, with its layer's prefix
     * @return this draft
     */
    public NodeDraft id(String id) {
        this.id = id;
        return this;
    }

    /**
     * Sets the title.
     *
     * @param title a short title
     * @return this draft
     */
    public NodeDraft title(String title) {
        this.title = title;
        return this;
    }

    /**
     * Sets the description.
     *
     * @param description free text, or {@code null}
     * @return this draft
     */
    public NodeDraft description(String description) {
        this.description = description;
        return this;
    }

    /**
     * The starting status; entering in_progress or completed stamps the dates as a change would.
     *
     * @param status where the work stands
     * @return this draft
     */
    public NodeDraft status(Status status) {
        this.status = Objects.requireNonNull(status, "status");
        return this;
    }

    /**
     * Sets the node's own progress; 0 unless set.
     *
     * @param progress 0 to 100
     * @return this draft
     */
    public NodeDraft progress(int progress) {
        this.progress = progress;
        return this;
    }

    /**
     * Sets the owner.
     *
     * @param owner who owns the node, or {@code null}
     * @return this draft
     */
    public NodeDraft owner(String owner) {
        this.owner = owner;
        return this;
    }

    /**
     * Sets the assignee.
     *
     * @param assignee who does the work, or {@code null}
     * @return this draft
     */
    public NodeDraft assignee(String assignee) {
        this.assignee = assignee;
        return this;
    }

    /**
     * Sets the severity.
     *
     * @param severity how much the node matters, or {@code null}
     * @return this draft
     */
    public NodeDraft severity(Severity severity) {
        this.severity = severity;
        return this;
    }

    /**
     * Sets the work type.
     *
     * @param workType the kind of work, or {@code null}
     * @return this draft
     */
    public NodeDraft workType(WorkType workType) {
        this.workType = workType;
        return this;
    }

    /**
     * Adds labels.
     *
     * @param names label names
     * @return this draft
     */
    public NodeDraft labels(String... names) {
        return labels(Arrays.asList(names));
    }

    /**
     * Adds labels.
     *
     * @param names label names
     * @return this draft
     */
    public NodeDraft labels(Collection<String> names) {
        labels.addAll(names);
        return this;
    }

    /**
     * Parents to link the new node to, in the same transaction.
     *
     * @param parentIds the ids of existing nodes of layers above the new node's
     * @return this draft
     */
    public NodeDraft parents(String... parentIds) {
        return parents(Arrays.asList(parentIds));
    }

    /**
     * Adds parents to link the new node to, in the same transaction.
     *
     * @param parentIds the ids of existing nodes of layers above the new node's
     * @return this draft
     */
    public NodeDraft parents(Collection<String> parentIds) {
        parents.addAll(parentIds);
        return this;
    }

    /**
     * A start date to keep, as an import does; otherwise entering in_progress stamps it.
     *
     * @param startedAt the time, or {@code null}
     * @return this draft
     */
    public NodeDraft startedAt(Instant startedAt) {
        this.startedAt = startedAt;
        return this;
    }

    /**
     * A completion date to keep, as an import does; otherwise completing stamps it.
     *
     * @param completedAt the time, or {@code null}
     * @return this draft
     */
    public NodeDraft completedAt(Instant completedAt) {
        this.completedAt = completedAt;
        return this;
    }

    /**
     * A creation date to keep, as an import does; otherwise it is now.
     *
     * @param createdAt the time, or {@code null} for now
     * @return this draft
     */
    public NodeDraft createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    /**
     * A custom field with a JSON-able value: a string, number, boolean, list, map or null.
     *
     * @param key   the field's name
     * @param value its value
     * @return this draft
     */
    public NodeDraft customField(String key, Object value) {
        customFields.put(key, value);
        return this;
    }

    /**
     * Adds custom fields, as {@link #customField} does for each.
     *
     * @param fields JSON-able values by name
     * @return this draft
     */
    public NodeDraft customFields(Map<String, ?> fields) {
        customFields.putAll(fields);
        return this;
    }

    /**
     * The command spec; only Command nodes may carry one.
     *
     * @param command what the Command node verifies and how
     * @return this draft
     */
    public NodeDraft command(CommandSpec command) {
        this.command = command;
        return this;
    }

    /** {@return the layer of the node} */
    public Layer layer() {
        return layer;
    }

    /** {@return the title} */
    public String title() {
        return title;
    }

    /** {@return the id set, or {@code null} for one to be generated} */
    public String id() {
        return id;
    }

    /** {@return the description, or {@code null}} */
    public String description() {
        return description;
    }

    /** {@return the starting status} */
    public Status status() {
        return status;
    }

    /** {@return the progress set, or {@code null} when none was} */
    public Integer progress() {
        return progress;
    }

    /** {@return the owner, or {@code null}} */
    public String owner() {
        return owner;
    }

    /** {@return the assignee, or {@code null}} */
    public String assignee() {
        return assignee;
    }

    /** {@return the severity, or {@code null}} */
    public Severity severity() {
        return severity;
    }

    /** {@return the work type, or {@code null}} */
    public WorkType workType() {
        return workType;
    }

    /** {@return the names of the labels added} */
    public Set<String> labels() {
        return new LinkedHashSet<>(labels);
    }

    /** {@return the ids of the parents to link to} */
    public Set<String> parents() {
        return new LinkedHashSet<>(parents);
    }

    /** {@return the start date to keep, or {@code null}} */
    public Instant startedAt() {
        return startedAt;
    }

    /** {@return the completion date to keep, or {@code null}} */
    public Instant completedAt() {
        return completedAt;
    }

    /** {@return the creation date to keep, or {@code null} for now} */
    public Instant createdAt() {
        return createdAt;
    }

    /** {@return the custom fields by name} */
    public Map<String, Object> customFields() {
        return new LinkedHashMap<>(customFields);
    }

    /** {@return the command spec, or {@code null}} */
    public CommandSpec command() {
        return command;
    }
}
