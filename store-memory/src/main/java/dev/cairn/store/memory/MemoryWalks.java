package dev.cairn.store.memory;

import dev.cairn.core.Link;
import dev.cairn.core.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Breadth-first walks over the adjacency of a {@link MemoryState}: iterative, so that no depth of
 * graph overflows the stack, and linear in the part of the graph walked. Stateless and thread-safe;
 * the caller holds the lock.
 */
final class MemoryWalks {
    private MemoryWalks() {
    }

    /** The nodes reachable from {@code start} along {@code adjacency}, nearest first, start left out. */
    static List<Node> nodes(MemoryState state, String start, Map<String, TreeSet<String>> adjacency) {
        List<Node> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(start);
        Deque<String> pending = new ArrayDeque<>();
        pending.add(start);
        while (!pending.isEmpty()) {
            Set<String> next = adjacency.get(pending.poll());
            if (next == null) {
                continue;
            }
            for (String id : next) {
                if (seen.add(id)) {
                    pending.add(id);
                    Node node = state.nodes.get(id);
                    if (node != null) {
                        found.add(node);
                    }
                }
            }
        }
        return found;
    }

    /** Every link from {@code start} or from a node below it, each once, nearest first. */
    static List<Link> linksBelow(MemoryState state, String start) {
        List<Link> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(start);
        Deque<String> pending = new ArrayDeque<>();
        pending.add(start);
        while (!pending.isEmpty()) {
            String parent = pending.poll();
            Set<String> children = state.children.get(parent);
            if (children == null) {
                continue;
            }
            for (String child : children) {
                found.add(new Link(parent, child));
                if (seen.add(child)) {
                    pending.add(child);
                }
            }
        }
        return found;
    }
}
