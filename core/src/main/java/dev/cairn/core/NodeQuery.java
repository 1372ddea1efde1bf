package dev.cairn.core;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A filter over nodes, with a sort order and a page. Every filter narrows the result; within one filter
 * any of the values matches, except {@link #withAllLabels}.
 *
 * <pre>{@code
 * cairn.find(NodeQuery.layer(Layer.TASK).status(Status.PLANNED).owner("ana").sortBy(Sort.TITLE).limit(20));
 * }</pre>
 *
 * <p>Immutable and thread-safe: every method returns a new query.
 */
public final class NodeQuery {
    /**
     * What a query sorts by. {@code LAYER} sorts in hierarchy order (Goal first), {@code STATUS} in the
     * order of {@link Status} (planned, in_progress, completed, blocked, cancelled). Ties are broken by
     * id, ascending even when the query is {@link #descending()}.
     */
    public enum Sort {
        ID, TITLE, LAYER, STATUS, PROGRESS, CREATED_AT, UPDATED_AT
    }

    private static final NodeQuery ALL = new NodeQuery(new State());

    private final State state;

    private NodeQuery(State state) {
        this.state = state;
    }

    /** Every node, sorted by id. */
    public static NodeQuery all() {
        return ALL;
    }

    /** Nodes of these layers. */
    public static NodeQuery layer(Layer... layers) {
        return ALL.layers(layers);
    }

    public NodeQuery layers(Layer... layers) {
        return with(s -> s.layers = enumSet(Layer.class, Arrays.asList(layers)));
    }

    public NodeQuery status(Status... statuses) {
        return with(s -> s.statuses = enumSet(Status.class, Arrays.asList(statuses)));
    }

    public NodeQuery owner(String owner) {
        return with(s -> s.owner = owner);
    }

    public NodeQuery assignee(String assignee) {
        return with(s -> s.assignee = assignee);
    }

    public NodeQuery severity(Severity... severities) {
        return with(s -> s.severities = enumSet(Severity.class, Arrays.asList(severities)));
    }

    public NodeQuery workType(WorkType... workTypes) {
        return with(s -> s.workTypes = enumSet(WorkType.class, Arrays.asList(workTypes)));
    }

    /** Nodes that carry at least one of these labels. */
    public NodeQuery withAnyLabel(String... labels) {
        return with(s -> s.anyLabels = Set.copyOf(Arrays.asList(labels)));
    }

    /** Nodes that carry every one of these labels. */
    public NodeQuery withAllLabels(String... labels) {
        return with(s -> s.allLabels = Set.copyOf(Arrays.asList(labels)));
    }

    /** Nodes whose title or description contains {@code text}, ignoring case. */
    public NodeQuery text(String text) {
        return with(s -> s.text = text == null || text.isEmpty() ? null : text);
    }

    /** Nodes that are a parent of the node {@code childId}. */
    public NodeQuery parentOf(String childId) {
        return with(s -> s.parentOf = childId);
    }

    /** Nodes that are a child of the node {@code parentId}. */
    public NodeQuery childOf(String parentId) {
        return with(s -> s.childOf = parentId);
    }

    /** Nodes without any parent: roots, and nodes left without their parents. */
    public NodeQuery withoutParents() {
        return with(s -> s.withoutParents = true);
    }

    public NodeQuery sortBy(Sort sort) {
        return with(s -> s.sort = Objects.requireNonNull(sort, "sort"));
    }

    public NodeQuery descending() {
        return with(s -> s.descending = true);
    }

    /** Skips the first {@code offset} results. */
    public NodeQuery offset(int offset) {
        if (offset < 0) {
            throw new ValidationException(Violation.of("offset", offset, "must be 0 or more"));
        }
        return with(s -> s.offset = offset);
    }

    /** Returns at most {@code limit} results. */
    public NodeQuery limit(int limit) {
        if (limit < 1) {
            throw new ValidationException(Violation.of("limit", limit, "must be 1 or more"));
        }
        return with(s -> s.limit = limit);
    }

    public Set<Layer> layers() {
        return state.layers;
    }

    public Set<Status> statuses() {
        return state.statuses;
    }

    public Optional<String> owner() {
        return Optional.ofNullable(state.owner);
    }

    public Optional<String> assignee() {
        return Optional.ofNullable(state.assignee);
    }

    public Set<Severity> severities() {
        return state.severities;
    }

    public Set<WorkType> workTypes() {
        return state.workTypes;
    }

    public Set<String> anyLabels() {
        return state.anyLabels;
    }

    public Set<String> allLabels() {
        return state.allLabels;
    }

    public Optional<String> text() {
        return Optional.ofNullable(state.text);
    }

    public Optional<String> parentOf() {
        return Optional.ofNullable(state.parentOf);
    }

    public Optional<String> childOf() {
        return Optional.ofNullable(state.childOf);
    }

    public boolean isWithoutParents() {
        return state.withoutParents;
    }

    public Sort sort() {
        return state.sort;
    }

    public boolean isDescending() {
        return state.descending;
    }

    public int offset() {
        return state.offset;
    }

    /** The page size, or empty for no limit. */
    public Optional<Integer> limit() {
        return Optional.ofNullable(state.limit);
    }

    /** This query without its sort order and page, as a count uses it. */
    public NodeQuery unpaged() {
        return with(s -> {
            s.offset = 0;
            s.limit = null;
        });
    }

    @Override
    public String toString() {
        return "NodeQuery" + state;
    }

    private NodeQuery with(Consumer<State> change) {
        State copy = state.copy();
        change.accept(copy);
        return new NodeQuery(copy);
    }

    private static <E extends Enum<E>> Set<E> enumSet(Class<E> type, Collection<E> values) {
        if (values.isEmpty()) {
            return Set.of();
        }
        EnumSet<E> set = EnumSet.noneOf(type);
        for (E value : values) {
            set.add(Objects.requireNonNull(value, type.getSimpleName()));
        }
        return Collections.unmodifiableSet(set);
    }

    private static final class State {
        Set<Layer> layers = Set.of();
        Set<Status> statuses = Set.of();
        String owner;
        String assignee;
        Set<Severity> severities = Set.of();
        Set<WorkType> workTypes = Set.of();
        Set<String> anyLabels = Set.of();
        Set<String> allLabels = Set.of();
        String text;
        String parentOf;
        String childOf;
        boolean withoutParents;
        Sort sort = Sort.ID;
        boolean descending;
        int offset;
        Integer limit;

        State copy() {
            State copy = new State();
            copy.layers = layers;
            copy.statuses = statuses;
            copy.owner = owner;
            copy.assignee = assignee;
            copy.severities = severities;
            copy.workTypes = workTypes;
            copy.anyLabels = anyLabels;
            copy.allLabels = allLabels;
            copy.text = text;
            copy.parentOf = parentOf;
            copy.childOf = childOf;
            copy.withoutParents = withoutParents;
            copy.sort = sort;
            copy.descending = descending;
            copy.offset = offset;
            copy.limit = limit;
            return copy;
        }

        @Override
        public String toString() {
            Set<String> parts = new LinkedHashSet<>();
            if (!layers.isEmpty()) {
                parts.add("layers=" + layers);
            }
            if (!statuses.isEmpty()) {
                parts.add("statuses=" + statuses);
            }
            if (owner != null) {
                parts.add("owner=" + owner);
            }
            if (assignee != null) {
                parts.add("assignee=" + assignee);
            }
            if (!severities.isEmpty()) {
                parts.add("severities=" + severities);
            }
            if (!workTypes.isEmpty()) {
                parts.add("workTypes=" + workTypes);
            }
            if (!anyLabels.isEmpty()) {
                parts.add("anyLabels=" + anyLabels);
            }
            if (!allLabels.isEmpty()) {
                parts.add("allLabels=" + allLabels);
            }
            if (text != null) {
                parts.add("text=" + text);
            }
            if (parentOf != null) {
                parts.add("parentOf=" + parentOf);
            }
            if (childOf != null) {
                parts.add("childOf=" + childOf);
            }
            if (withoutParents) {
                parts.add("withoutParents");
            }
            parts.add("sort=" + sort + (descending ? " desc" : ""));
            if (offset > 0) {
                parts.add("offset=" + offset);
            }
            if (limit != null) {
                parts.add("limit=" + limit);
            }
            return parts.toString();
        }
    }
}
