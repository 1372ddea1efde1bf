package dev.cairn.benchmarks;

import dev.cairn.core.Layer;
import dev.cairn.core.Status;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plain-collections baseline: what a graph of nodes costs with no rules, no transactions, no events
 * and no locks. A map of node records and a map of child lists. Not thread-safe.
 */
final class BaselineGraph {
    /** A node with the fields a draft gives, and the dates Cairn stamps. */
    record BaselineNode(String id, Layer layer, String title, String owner, Status status, int progress,
            Instant createdAt, Instant updatedAt) {
    }

    private final Map<String, BaselineNode> nodes = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();

    /** Stores a node, linked below {@code parentId} unless that is null. */
    BaselineNode create(String id, Layer layer, String title, String owner, String parentId) {
        Instant now = Instant.now();
        BaselineNode node = new BaselineNode(id, layer, title, owner, Status.PLANNED, 0, now, now);
        nodes.put(id, node);
        if (parentId != null) {
            children.computeIfAbsent(parentId, key -> new ArrayList<>()).add(id);
        }
        return node;
    }

    BaselineNode get(String id) {
        return nodes.get(id);
    }

    /** Every node below {@code id}, each once, nearest first: the walk Cairn's descendants does. */
    List<BaselineNode> descendants(String id) {
        List<BaselineNode> found = new ArrayList<>();
        // A node may have several parents, so a walk must remember what it has seen, as Cairn's does.
        Set<String> seen = new HashSet<>();
        seen.add(id);
        Deque<String> pending = new ArrayDeque<>();
        pending.add(id);
        while (!pending.isEmpty()) {
            List<String> next = children.get(pending.poll());
            if (next == null) {
                continue;
            }
            for (String child : next) {
                if (seen.add(child)) {
                    pending.add(child);
                    found.add(nodes.get(child));
                }
            }
        }
        return found;
    }

    int size() {
        return nodes.size();
    }
}
