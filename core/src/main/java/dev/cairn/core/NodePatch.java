package dev.cairn.core;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * A partial update: a field not named is left alone; a field set to {@code null} or an empty string is
 * cleared. Custom fields merge key by key ({@code null} removes a key). A status named here goes through
 * the transition rules like {@link PlanGraph#setStatus}.
 *
 * <pre>{@code
 * cairn.update(id, NodePatch.create().status(Status.IN_PROGRESS).assignee("ana").expectVersion(3));
 * }</pre>
 *
 * <p>A builder: not thread-safe, and reusable.
 */
public final class NodePatch {
    /** The fields a patch may name. */
    public enum Field {
        TITLE, DESCRIPTION, STATUS, PROGRESS, OWNER, ASSIGNEE, SEVERITY, WORK_TYPE, LABELS, STARTED_AT,
        COMPLETED_AT, COMMAND
    }

    private final Map<Field, Object> values = new EnumMap<>(Field.class);
    private final Map<String, Object> customFields = new LinkedHashMap<>();
    private Long expectedVersion;

    private NodePatch() {
    }

    /** An empty patch. */
    public static NodePatch create() {
        return new NodePatch();
    }

    public NodePatch title(String title) {
        return put(Field.TITLE, title);
    }

    public NodePatch description(String description) {
        return put(Field.DESCRIPTION, description);
    }

    public NodePatch status(Status status) {
        return put(Field.STATUS, status);
    }

    public NodePatch progress(Integer progress) {
        return put(Field.PROGRESS, progress);
    }

    public NodePatch owner(String owner) {
        return put(Field.OWNER, owner);
    }

    public NodePatch assignee(String assignee) {
        return put(Field.ASSIGNEE, assignee);
    }

    public NodePatch severity(Severity severity) {
        return put(Field.SEVERITY, severity);
    }

    public NodePatch workType(WorkType workType) {
        return put(Field.WORK_TYPE, workType);
    }

    /** Replaces the node's labels with these; none clears them. */
    public NodePatch labels(String... names) {
        return labels(Arrays.asList(names));
    }

    public NodePatch labels(Collection<String> names) {
        return put(Field.LABELS, names == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(names)));
    }

    public NodePatch startedAt(Instant startedAt) {
        return put(Field.STARTED_AT, startedAt);
    }

    public NodePatch completedAt(Instant completedAt) {
        return put(Field.COMPLETED_AT, completedAt);
    }

    public NodePatch command(CommandSpec command) {
        return put(Field.COMMAND, command);
    }

    /** Sets one custom field; {@code null} removes it. */
    public NodePatch customField(String key, Object value) {
        customFields.put(Objects.requireNonNull(key, "key"), value);
        return this;
    }

    /**
     * Makes the update fail with {@link VersionConflictException} unless the node is still at this
     * version (optimistic locking).
     */
    public NodePatch expectVersion(long version) {
        this.expectedVersion = version;
        return this;
    }

    /** Whether the patch names {@code field}. */
    public boolean has(Field field) {
        return values.containsKey(field);
    }

    /** The value named for {@code field}: {@code null} both when absent and when it clears. */
    public Object get(Field field) {
        return values.get(field);
    }

    /** The fields named, with their values ({@code null} for a clear). */
    public Map<Field, Object> fields() {
        return Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /** The custom fields to set or (with {@code null}) remove. */
    public Map<String, Object> customFields() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    }

    public OptionalLong expectedVersion() {
        return expectedVersion == null ? OptionalLong.empty() : OptionalLong.of(expectedVersion);
    }

    /** Whether the patch names nothing at all. */
    public boolean isEmpty() {
        return values.isEmpty() && customFields.isEmpty();
    }

    private NodePatch put(Field field, Object value) {
        values.put(field, value instanceof String text && text.isEmpty() ? null : value);
        return this;
    }
}
