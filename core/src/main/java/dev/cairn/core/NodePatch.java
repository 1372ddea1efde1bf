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
        /** The title. */
        TITLE,
        /** The description. */
        DESCRIPTION,
        /** The status, moved through the transition rules. */
        STATUS,
        /** The node's own progress. */
        PROGRESS,
        /** The owner. */
        OWNER,
        /** The assignee. */
        ASSIGNEE,
        /** The severity. */
        SEVERITY,
        /** The work type. */
        WORK_TYPE,
        /** The labels, replaced as a whole. */
        LABELS,
        /** The start date. */
        STARTED_AT,
        /** The completion date. */
        COMPLETED_AT,
        /** A Command node's spec. */
        COMMAND
    }

    private final Map<Field, Object> values = new EnumMap<>(Field.class);
    private final Map<String, Object> customFields = new LinkedHashMap<>();
    private Long expectedVersion;

    private NodePatch() {
    }

    /** {@return an empty patch} */
    public static NodePatch create() {
        return new NodePatch();
    }

    /**
     * Sets the title.
     *
     * @param title a short title
     * @return this patch
     */
    public NodePatch title(String title) {
        return put(Field.TITLE, title);
    }

    /**
     * Sets or (with {@code null}) clears the description.
     *
     * @param description free text, or {@code null}
     * @return this patch
     */
    public NodePatch description(String description) {
        return put(Field.DESCRIPTION, description);
    }

    /**
     * Moves the node to a status, through the transition rules.
     *
     * @param status the status to move to
     * @return this patch
     */
    public NodePatch status(Status status) {
        return put(Field.STATUS, status);
    }

    /**
     * Sets the node's own progress.
     *
     * @param progress 0 to 100
     * @return this patch
     */
    public NodePatch progress(Integer progress) {
        return put(Field.PROGRESS, progress);
    }

    /**
     * Sets or (with {@code null}) clears the owner.
     *
     * @param owner who owns the node, or {@code null}
     * @return this patch
     */
    public NodePatch owner(String owner) {
        return put(Field.OWNER, owner);
    }

    /**
     * Sets or (with {@code null}) clears the assignee.
     *
     * @param assignee who does the work, or {@code null}
     * @return this patch
     */
    public NodePatch assignee(String assignee) {
        return put(Field.ASSIGNEE, assignee);
    }

    /**
     * Sets or (with {@code null}) clears the severity.
     *
     * @param severity how much the node matters, or {@code null}
     * @return this patch
     */
    public NodePatch severity(Severity severity) {
        return put(Field.SEVERITY, severity);
    }

    /**
     * Sets or (with {@code null}) clears the work type.
     *
     * @param workType the kind of work, or {@code null}
     * @return this patch
     */
    public NodePatch workType(WorkType workType) {
        return put(Field.WORK_TYPE, workType);
    }

    /**
     * Replaces the node's labels with these; none clears them.
     *
     * @param names label names
     * @return this patch
     */
    public NodePatch labels(String... names) {
        return labels(Arrays.asList(names));
    }

    /**
     * Replaces the node's labels with these; an empty collection or {@code null} clears them.
     *
     * @param names label names, or {@code null}
     * @return this patch
     */
    public NodePatch labels(Collection<String> names) {
        return put(Field.LABELS, names == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(names)));
    }

    /**
     * Sets or (with {@code null}) clears the start date.
     *
     * @param startedAt the time, or {@code null}
     * @return this patch
     */
    public NodePatch startedAt(Instant startedAt) {
        return put(Field.STARTED_AT, startedAt);
    }

    /**
     * Sets or (with {@code null}) clears the completion date.
     *
     * @param completedAt the time, or {@code null}
     * @return this patch
     */
    public NodePatch completedAt(Instant completedAt) {
        return put(Field.COMPLETED_AT, completedAt);
    }

    /**
     * Sets or (with {@code null}) removes a Command node's spec.
     *
     * @param command what the Command node verifies and how, or {@code null}
     * @return this patch
     */
    public NodePatch command(CommandSpec command) {
        return put(Field.COMMAND, command);
    }

    /**
     * Sets one custom field; {@code null} removes it.
     *
     * @param key   the field's name
     * @param value a JSON-able value, or {@code null}
     * @return this patch
     */
    public NodePatch customField(String key, Object value) {
        customFields.put(Objects.requireNonNull(key, "key"), value);
        return this;
    }

    /**
     * Makes the update fail with {@link VersionConflictException} unless the node is still at this
     * version (optimistic locking).
     *
     * @param version the version the caller read
     * @return this patch
     */
    public NodePatch expectVersion(long version) {
        this.expectedVersion = version;
        return this;
    }

    /**
     * Whether the patch names {@code field}.
     *
     * @param field a field of a node
     * @return whether the patch sets or clears it
     */
    public boolean has(Field field) {
        return values.containsKey(field);
    }

    /**
     * The value named for {@code field}: {@code null} both when absent and when it clears.
     *
     * @param field a field of a node
     * @return the new value, or {@code null}
     */
    public Object get(Field field) {
        return values.get(field);
    }

    /** {@return the fields named, with their values ({@code null} for a clear)} */
    public Map<Field, Object> fields() {
        return Collections.unmodifiableMap(new EnumMap<>(values));
    }

    /** {@return the custom fields to set or (with {@code null}) remove} */
    public Map<String, Object> customFields() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    }

    /** {@return the version the update expects, or empty when any will do} */
    public OptionalLong expectedVersion() {
        return expectedVersion == null ? OptionalLong.empty() : OptionalLong.of(expectedVersion);
    }

    /** {@return whether the patch names nothing at all} */
    public boolean isEmpty() {
        return values.isEmpty() && customFields.isEmpty();
    }

    private NodePatch put(Field field, Object value) {
        values.put(field, value instanceof String text && text.isEmpty() ? null : value);
        return this;
    }
}
