package dev.cairn.store.memory;

import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.Status;
import dev.cairn.core.StatusCount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The queries of a memory store: {@link NodeQuery} filters, sorts and pages, and the whole-store
 * listings. Stateless and thread-safe; the caller holds the lock.
 */
final class MemoryQueries {
    /** Pages up to this far into the result are cut from a bounded heap rather than a full sort. */
    private static final int SMALL_PAGE = 1_000;

    private MemoryQueries() {
    }

    static List<Node> find(MemoryState state, NodeQuery query) {
        Comparator<Node> order = order(query);
        int offset = query.offset();
        long window = query.limit().map(limit -> (long) offset + limit).orElse(Long.MAX_VALUE);
        if (window <= SMALL_PAGE) {
            return page(topOf(state, query, order, (int) window), offset);
        }
        List<Node> matches = new ArrayList<>();
        forEachMatch(state, query, matches::add);
        matches.sort(order);
        int to = (int) Math.min(matches.size(), window);
        return page(matches.subList(0, to), offset);
    }

    static long count(MemoryState state, NodeQuery query) {
        long[] count = {0};
        forEachMatch(state, query, node -> count[0]++);
        return count[0];
    }

    /** Every link, sorted by parent then child. */
    static List<Link> links(MemoryState state) {
        List<Link> links = new ArrayList<>(state.linkCount);
        for (String parent : new TreeSet<>(state.children.keySet())) {
            for (String child : state.children.get(parent)) {
                links.add(new Link(parent, child));
            }
        }
        return links;
    }

    /** The counts of nodes by layer, then status, in the order of the two enums. */
    static List<StatusCount> countByLayerAndStatus(MemoryState state) {
        List<StatusCount> counts = new ArrayList<>();
        for (Layer layer : Layer.values()) {
            Map<Status, Long> byStatus = state.counts.get(layer);
            if (byStatus == null) {
                continue;
            }
            for (Status status : Status.values()) {
                Long count = byStatus.get(status);
                if (count != null && count > 0) {
                    counts.add(new StatusCount(layer, status, count));
                }
            }
        }
        return counts;
    }

    /** The primary key the query names, then id ascending; descending turns the primary key only. */
    static Comparator<Node> order(NodeQuery query) {
        Comparator<Node> primary = switch (query.sort()) {
            case ID -> Comparator.comparing(Node::id);
            case TITLE -> Comparator.comparing(Node::title);
            case LAYER -> Comparator.comparingInt(node -> node.layer().index());
            case STATUS -> Comparator.comparing(Node::status);
            case PROGRESS -> Comparator.comparingInt(Node::progress);
            case CREATED_AT -> Comparator.comparing(Node::createdAt);
            case UPDATED_AT -> Comparator.comparing(Node::updatedAt);
        };
        if (query.isDescending()) {
            primary = primary.reversed();
        }
        return query.sort() == NodeQuery.Sort.ID ? primary : primary.thenComparing(Node::id);
    }

    /**
     * The first {@code size} matches in {@code order}, kept in a heap that never holds more than
     * {@code size} nodes: a small page of a large store is not worth sorting every match for.
     */
    private static List<Node> topOf(MemoryState state, NodeQuery query, Comparator<Node> order, int size) {
        PriorityQueue<Node> worstFirst = new PriorityQueue<>(size + 1, order.reversed());
        forEachMatch(state, query, node -> {
            worstFirst.add(node);
            if (worstFirst.size() > size) {
                worstFirst.poll();
            }
        });
        List<Node> top = new ArrayList<>(worstFirst);
        top.sort(order);
        return top;
    }

    private static List<Node> page(List<Node> sorted, int offset) {
        return offset >= sorted.size() ? List.of() : List.copyOf(sorted.subList(offset, sorted.size()));
    }

    private static void forEachMatch(MemoryState state, NodeQuery query, Consumer<Node> action) {
        MemoryFilter filter = new MemoryFilter(state, query);
        Collection<String> candidates = candidates(state, query);
        if (candidates == null) {
            for (Node node : state.nodes.values()) {
                if (filter.test(node)) {
                    action.accept(node);
                }
            }
            return;
        }
        for (String id : candidates) {
            Node node = state.nodes.get(id);
            if (node != null && filter.test(node)) {
                action.accept(node);
            }
        }
    }

    /**
     * The smallest set of ids that holds every match, taken from an index (the links, the labels, the
     * layers), or null when no index narrows the query and every node must be looked at. The filter
     * still checks every candidate, so a candidate set only has to be large enough.
     */
    private static Collection<String> candidates(MemoryState state, NodeQuery query) {
        Collection<String> best = null;
        if (query.parentOf().isPresent()) {
            best = state.parentIds(query.parentOf().get());
        }
        if (query.childOf().isPresent()) {
            best = smaller(best, state.childIds(query.childOf().get()));
        }
        for (String label : query.allLabels()) {
            best = smaller(best, state.nodesByLabel.getOrDefault(label, Set.of()));
        }
        if (!query.anyLabels().isEmpty() && isSmaller(sizeOf(state.nodesByLabel, query.anyLabels()), best)) {
            best = union(state.nodesByLabel, query.anyLabels());
        }
        if (!query.layers().isEmpty() && isSmaller(sizeOf(state.nodesByLayer, query.layers()), best)) {
            best = union(state.nodesByLayer, query.layers());
        }
        return best;
    }

    private static Collection<String> smaller(Collection<String> best, Collection<String> other) {
        return isSmaller(other.size(), best) ? other : best;
    }

    private static boolean isSmaller(long size, Collection<String> best) {
        return best == null || size < best.size();
    }

    private static <K> long sizeOf(Map<K, Set<String>> index, Set<K> keys) {
        long size = 0;
        for (K key : keys) {
            size += index.getOrDefault(key, Set.of()).size();
        }
        return size;
    }

    private static <K> Set<String> union(Map<K, Set<String>> index, Set<K> keys) {
        Set<String> ids = new HashSet<>();
        for (K key : keys) {
            ids.addAll(index.getOrDefault(key, Set.of()));
        }
        return ids;
    }
}
