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
        /** By id. */
        ID,
        /** By title. */
        TITLE,
        /** By layer, in hierarchy order. */
        LAYER,
        /** By status, in the order of {@link Status}. */
        STATUS,
        /** By the node's own progress. */
        PROGRESS,
        /** By creation time. */
        CREATED_AT,
        /** By the time of the last change. */
        UPDATED_AT
    }

    private static final NodeQuery ALL = new NodeQuery(new State());

    private final State state;

    private NodeQuery(State state) {
        this.state = state;
    }

    /** {@return every node, sorted by id} */
    public static NodeQuery all() {
        return ALL;
    }

    /**
     * Nodes of these layers.
     *
     * @param layers the layers wanted
     * @return a query for them
     */
    public static NodeQuery layer(Layer... layers) {
        return ALL.layers(layers);
    }

    /**
     * Keeps nodes of these layers.
     *
     * @param layers the layers wanted; none for any
     * @return a new query, narrowed
     */
    public NodeQuery layers(Layer... layers) {
        return with(s -> s.layers = enumSet(Layer.class, Arrays.asList(layers)));
    }

    /**
     * Keeps nodes with one of these statuses.
     *
     * @param statuses the statuses wanted; none for any
     * @return a new query, narrowed
     */
    public NodeQuery status(Status... statuses) {
        return with(s -> s.statuses = enumSet(Status.class, Arrays.asList(statuses)));
    }

    /**
     * Keeps nodes owned by {@code owner}.
     *
     * @param owner the owner's name
     * @return a new query, narrowed
     */
    public NodeQuery owner(String owner) {
        return with(s -> s.owner = owner);
    }

    /**
     * Keeps nodes assigned to {@code assignee}.
     *
     * @param assignee the assignee's name
     * @return a new query, narrowed
     */
    public NodeQuery assignee(String assignee) {
        return with(s -> s.assignee = assignee);
    }

    /**
     * Keeps nodes of one of these severities.
     *
     * @param severities the severities wanted; none for any
     * @return a new query, narrowed
     */
    public NodeQuery severity(Severity... severities) {
        return with(s -> s.severities = enumSet(Severity.class, Arrays.asList(severities)));
    }

    /**
     * Keeps nodes of one of these work types.
     *
     * @param workTypes the work types wanted; none for any
     * @return a new query, narrowed
     */
    public NodeQuery workType(WorkType... workTypes) {
        return with(s -> s.workTypes = enumSet(WorkType.class, Arrays.asList(workTypes)));
    }

    /**
     * Nodes that carry at least one of these labels.
     *
     * @param labels label names
     * @return a new query, narrowed
     */
    public NodeQuery withAnyLabel(String... labels) {
        return with(s -> s.anyLabels = Set.copyOf(Arrays.asList(labels)));
    }

    /**
     * Nodes that carry every one of these labels.
     *
     * @param labels label names
     * @return a new query, narrowed
     */
    public NodeQuery withAllLabels(String... labels) {
        return with(s -> s.allLabels = Set.copyOf(Arrays.asList(labels)));
    }

    /**
     * Nodes whose title or description contains {@code text}, ignoring case.
     *
     * @param text the text to look for
     * @return a new query, narrowed
     */
    public NodeQuery text(String text) {
        return with(s -> s.text = text == null || text.isEmpty() ? null : text);
    }

    /**
     * Nodes that are a parent of the node {@code childId}.
     *
     * @param childId the child node's id
     * @return a new query, narrowed
     */
    public NodeQuery parentOf(String childId) {
        return with(s -> s.parentOf = childId);
    }

    /**
     * Nodes that are a child of the node {@code parentId}.
     *
     * @param parentId the parent node's id
     * @return a new query, narrowed
     */
    public NodeQuery childOf(String parentId) {
        return with(s -> s.childOf = parentId);
    }

    /** {@return nodes without any parent: roots, and nodes left without their parents} */
    public NodeQuery withoutParents() {
        return with(s -> s.withoutParents = true);
    }

    /**
     * Sorts the results; by id unless set.
     *
     * @param sort what to sort by
     * @return a new query, sorted
     */
    public NodeQuery sortBy(Sort sort) {
        return with(s -> s.sort = Objects.requireNonNull(sort, "sort"));
    }

    /**
     * Sorts the results in descending order; ties stay in ascending id order.
     *
     * @return a new query, sorted
     */
    public NodeQuery descending() {
        return with(s -> s.descending = true);
    }

    /**
     * Skips the first {@code offset} results.
     *
     * @param offset 0 or more
     * @return a new query, paged
     */
    public NodeQuery offset(int offset) {
        if (offset < 0) {
            throw new ValidationException(Violation.of("offset", offset, "must be 0 or more"));
        }
        return with(s -> s.offset = offset);
    }

    /**
     * Returns at most {@code limit} results.
     *
     * @param limit 1 or more
     * @return a new query, paged
     */
    public NodeQuery limit(int limit) {
        if (limit < 1) {
            throw new ValidationException(Violation.of("limit", limit, "must be 1 or more"));
        }
        return with(s -> s.limit = limit);
    }

    /** {@return the layers asked for; empty for any} */
    public Set<Layer> layers() {
        return state.layers;
    }

    /** {@return the statuses asked for; empty for any} */
    public Set<Status> statuses() {
        return state.statuses;
    }

    /** {@return the owner asked for, if any} */
    public Optional<String> owner() {
        return Optional.ofNullable(state.owner);
    }

    /** {@return the assignee asked for, if any} */
    public Optional<String> assignee() {
        return Optional.ofNullable(state.assignee);
    }

    /** {@return the severities asked for; empty for any} */
    public Set<Severity> severities() {
        return state.severities;
    }

    /** {@return the work types asked for; empty for any} */
    public Set<WorkType> workTypes() {
        return state.workTypes;
    }

    /** {@return labels of which a node must carry at least one; empty for no such condition} */
    public Set<String> anyLabels() {
        return state.anyLabels;
    }

    /** {@return labels a node must carry all of; empty for no such condition} */
    public Set<String> allLabels() {
        return state.allLabels;
    }

    /** {@return the text a title or description must contain, if any} */
    public Optional<String> text() {
        return Optional.ofNullable(state.text);
    }

    /** {@return the id of the node whose parents are asked for, if any} */
    public Optional<String> parentOf() {
        return Optional.ofNullable(state.parentOf);
    }

    /** {@return the id of the node whose children are asked for, if any} */
    public Optional<String> childOf() {
        return Optional.ofNullable(state.childOf);
    }

    /** {@return whether only nodes without any parent are asked for} */
    public boolean isWithoutParents() {
        return state.withoutParents;
    }

    /** {@return what the results are sorted by} */
    public Sort sort() {
        return state.sort;
    }

    /** {@return whether the results are sorted in descending order} */
    public boolean isDescending() {
        return state.descending;
    }

    /** {@return how many results are skipped} */
    public int offset() {
        return state.offset;
    }

    /** {@return the page size, or empty for no limit} */
    public Optional<Integer> limit() {
        return Optional.ofNullable(state.limit);
    }

    /** {@return this query without its sort order and page, as a count uses it} */
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
