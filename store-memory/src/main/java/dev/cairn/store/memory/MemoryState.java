package dev.cairn.store.memory;

import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.Status;
import dev.cairn.core.run.CommandLease;
import dev.cairn.core.run.CommandRun;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The data of one memory store and the lock that guards it. Not thread-safe by itself: every access
 * holds {@link #lock}, read or write as the access needs.
 *
 * <p>The mutators here are the raw ones: each keeps every index in step and does no checking, so that
 * a transaction can undo a change by calling the opposite mutator.
 */
final class MemoryState {
    /**
     * Fair, so that a steady stream of readers cannot starve a writer waiting for the lock: a memory
     * store is for tests, where predictable ordering is worth more than the last bit of throughput.
     */
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    final Map<String, Node> nodes = new HashMap<>();
    final Map<String, TreeSet<String>> children = new HashMap<>();
    final Map<String, TreeSet<String>> parents = new HashMap<>();
    final NavigableMap<String, Label> labels = new TreeMap<>();
    final Map<String, Set<String>> nodesByLabel = new HashMap<>();
    final Map<Layer, Set<String>> nodesByLayer = new EnumMap<>(Layer.class);
    final Map<String, TreeSet<String>> commandsByAcceptanceCriteria = new HashMap<>();
    final Map<Layer, Map<Status, Long>> counts = new EnumMap<>(Layer.class);
    final MemoryEvents events = new MemoryEvents();
    /** The runs of each Command node that has any, by number; changed through {@link MemoryRuns}. */
    final Map<String, NavigableMap<Integer, CommandRun>> runs = new HashMap<>();
    /** The lease of each Command node that has one; changed through {@link MemoryRuns}. */
    final Map<String, CommandLease> leases = new HashMap<>();
    int linkCount;

    /** The transaction of the thread holding the write lock, or null; guarded by the write lock. */
    MemoryTransaction activeWrite;

    /** Stores {@code node}, replacing the node of its id if there is one; returns the replaced node. */
    Node putNode(Node node) {
        Node previous = nodes.put(node.id(), node);
        if (previous != null) {
            unindex(previous);
        }
        index(node);
        return previous;
    }

    /** Removes the node of {@code id}, not its links; returns it, or null. */
    Node removeNode(String id) {
        Node previous = nodes.remove(id);
        if (previous != null) {
            unindex(previous);
        }
        return previous;
    }

    boolean hasLink(String parentId, String childId) {
        TreeSet<String> below = children.get(parentId);
        return below != null && below.contains(childId);
    }

    /** Adds a link; false when it was there already. */
    boolean addLink(String parentId, String childId) {
        if (!children.computeIfAbsent(parentId, key -> new TreeSet<>()).add(childId)) {
            return false;
        }
        parents.computeIfAbsent(childId, key -> new TreeSet<>()).add(parentId);
        linkCount++;
        return true;
    }

    /** Removes a link; false when there was none. */
    boolean removeLink(String parentId, String childId) {
        if (!removeFrom(children, parentId, childId)) {
            return false;
        }
        removeFrom(parents, childId, parentId);
        linkCount--;
        return true;
    }

    /** The links touching {@code id}, in either direction. */
    List<Link> linksOf(String id) {
        List<Link> links = new ArrayList<>();
        for (String parent : parentIds(id)) {
            links.add(new Link(parent, id));
        }
        for (String child : childIds(id)) {
            links.add(new Link(id, child));
        }
        return links;
    }

    /** The children of {@code id}, sorted; a live view, not to be kept past the lock. */
    Set<String> childIds(String id) {
        Set<String> ids = children.get(id);
        return ids == null ? Set.of() : ids;
    }

    /** The parents of {@code id}, sorted; a live view, not to be kept past the lock. */
    Set<String> parentIds(String id) {
        Set<String> ids = parents.get(id);
        return ids == null ? Set.of() : ids;
    }

    /** Puts {@code label}; returns the label it replaced, or null. */
    Label putLabel(Label label) {
        return labels.put(label.name(), label);
    }

    void removeLabel(String name) {
        labels.remove(name);
    }

    private void index(Node node) {
        for (String label : node.labels()) {
            nodesByLabel.computeIfAbsent(label, key -> new HashSet<>()).add(node.id());
        }
        nodesByLayer.computeIfAbsent(node.layer(), key -> new HashSet<>()).add(node.id());
        if (node.layer() == Layer.COMMAND && node.command() != null) {
            commandsByAcceptanceCriteria.computeIfAbsent(node.command().acRef(), key -> new TreeSet<>())
                    .add(node.id());
        }
        counts.computeIfAbsent(node.layer(), key -> new EnumMap<>(Status.class))
                .merge(node.status(), 1L, Long::sum);
    }

    private void unindex(Node node) {
        for (String label : node.labels()) {
            removeFrom(nodesByLabel, label, node.id());
        }
        removeFrom(nodesByLayer, node.layer(), node.id());
        if (node.layer() == Layer.COMMAND && node.command() != null) {
            removeFrom(commandsByAcceptanceCriteria, node.command().acRef(), node.id());
        }
        Map<Status, Long> byStatus = counts.get(node.layer());
        if (byStatus.merge(node.status(), -1L, Long::sum) == 0L) {
            byStatus.remove(node.status());
        }
    }

    /** Removes {@code value} from the set under {@code key}, dropping the set once empty. */
    private static <K> boolean removeFrom(Map<K, ? extends Set<String>> map, K key, String value) {
        Set<String> set = map.get(key);
        if (set == null || !set.remove(value)) {
            return false;
        }
        if (set.isEmpty()) {
            map.remove(key);
        }
        return true;
    }
}
