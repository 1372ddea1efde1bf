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

    /** A draft of a node of {@code layer} titled {@code title}. */
    public static NodeDraft of(Layer layer, String title) {
        return new NodeDraft(layer, title);
    }

    public NodeDraft id(String id) {
        this.id = id;
        return this;
    }

    public NodeDraft title(String title) {
        this.title = title;
        return this;
    }

    public NodeDraft description(String description) {
        this.description = description;
        return this;
    }

    /** The starting status; entering in_progress or completed stamps the dates as a change would. */
    public NodeDraft status(Status status) {
        this.status = Objects.requireNonNull(status, "status");
        return this;
    }

    public NodeDraft progress(int progress) {
        this.progress = progress;
        return this;
    }

    public NodeDraft owner(String owner) {
        this.owner = owner;
        return this;
    }

    public NodeDraft assignee(String assignee) {
        this.assignee = assignee;
        return this;
    }

    public NodeDraft severity(Severity severity) {
        this.severity = severity;
        return this;
    }

    public NodeDraft workType(WorkType workType) {
        this.workType = workType;
        return this;
    }

    public NodeDraft labels(String... names) {
        return labels(Arrays.asList(names));
    }

    public NodeDraft labels(Collection<String> names) {
        labels.addAll(names);
        return this;
    }

    /** Parents to link the new node to, in the same transaction. */
    public NodeDraft parents(String... parentIds) {
        return parents(Arrays.asList(parentIds));
    }

    public NodeDraft parents(Collection<String> parentIds) {
        parents.addAll(parentIds);
        return this;
    }

    /** A start date to keep, as an import does; otherwise entering in_progress stamps it. */
    public NodeDraft startedAt(Instant startedAt) {
        this.startedAt = startedAt;
        return this;
    }

    /** A completion date to keep, as an import does; otherwise completing stamps it. */
    public NodeDraft completedAt(Instant completedAt) {
        this.completedAt = completedAt;
        return this;
    }

    /** A creation date to keep, as an import does; otherwise it is now. */
    public NodeDraft createdAt(Instant createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    /** A custom field with a JSON-able value: a string, number, boolean, list, map or null. */
    public NodeDraft customField(String key, Object value) {
        customFields.put(key, value);
        return this;
    }

    public NodeDraft customFields(Map<String, ?> fields) {
        customFields.putAll(fields);
        return this;
    }

    /** The command spec; only Command nodes may carry one. */
    public NodeDraft command(CommandSpec command) {
        this.command = command;
        return this;
    }

    public Layer layer() {
        return layer;
    }

    public String title() {
        return title;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    public Status status() {
        return status;
    }

    public Integer progress() {
        return progress;
    }

    public String owner() {
        return owner;
    }

    public String assignee() {
        return assignee;
    }

    public Severity severity() {
        return severity;
    }

    public WorkType workType() {
        return workType;
    }

    public Set<String> labels() {
        return new LinkedHashSet<>(labels);
    }

    public Set<String> parents() {
        return new LinkedHashSet<>(parents);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Map<String, Object> customFields() {
        return new LinkedHashMap<>(customFields);
    }

    public CommandSpec command() {
        return command;
    }
}
