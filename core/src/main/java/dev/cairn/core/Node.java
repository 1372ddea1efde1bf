package dev.cairn.core;

import java.time.Instant;
import java.util.Collections;
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
 * hold JSON-able values; {@code command} is present on Command nodes only.
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
        return new Node(id, layer, title, description, newStatus, newProgress, owner, assignee, severity,
                workType, labels, newStartedAt, newCompletedAt, createdAt, updatedAt, version, customFields,
                command);
    }

    /** A copy stamped as a new version. */
    Node touched(Instant at, long newVersion) {
        return new Node(id, layer, title, description, status, progress, owner, assignee, severity, workType,
                labels, startedAt, completedAt, createdAt, at, newVersion, customFields, command);
    }

    /** A copy with other labels. */
    Node withLabels(Set<String> newLabels) {
        return new Node(id, layer, title, description, status, progress, owner, assignee, severity, workType,
                newLabels, startedAt, completedAt, createdAt, updatedAt, version, customFields, command);
    }
}
