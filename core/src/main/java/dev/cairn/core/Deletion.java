package dev.cairn.core;

import dev.cairn.core.spi.NewEvent;
import dev.cairn.core.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Deletes a node over one store transaction, refusing, cascading or detaching as its {@link DeleteMode} says,
 * and tells each node it takes or unlinks in that node's history. Used by one thread for one unit of work.
 */
final class Deletion {
    private final StoreTransaction tx;
    private final GraphReads reads;
    private final GraphEvents events;

    Deletion(StoreTransaction tx, GraphReads reads, GraphEvents events) {
        this.tx = tx;
        this.reads = reads;
        this.events = events;
    }

    List<String> delete(String id, DeleteMode mode) {
        Objects.requireNonNull(mode, "mode");
        // Where writers run concurrently, every node the deletion takes or unlinks is locked before its links
        // are read, so that the events it appends tell exactly what it did.
        tx.lockNodes(List.of(id));
        Node node = reads.get(id);
        List<String> children = tx.childIds(id);
        if (!children.isEmpty() && mode == DeleteMode.REFUSE) {
            throw new NodeHasChildrenException("Node " + id + " has " + children.size() + " children ("
                    + String.join(", ", children.subList(0, Math.min(5, children.size())))
                    + (children.size() > 5 ? ", …" : "") + "): delete with CASCADE to delete what would be "
                    + "left without a parent, or DETACH to keep the children.");
        }
        List<String> doomed = mode == DeleteMode.CASCADE ? cascade(id) : List.of(id);
        if (doomed.size() > 1 && tx.lockNodes(doomed) && !Set.copyOf(cascade(id)).equals(Set.copyOf(doomed))) {
            throw concurrentlyChanged(id);
        }
        Set<String> doomedSet = new LinkedHashSet<>(doomed);
        Map<String, Node> doomedNodes = new LinkedHashMap<>();
        doomedNodes.put(id, node);
        for (Node below : tx.nodes(doomed.subList(1, doomed.size()))) {
            doomedNodes.put(below.id(), below);
        }
        if (doomedNodes.size() != doomed.size()) {
            throw concurrentlyChanged(id);
        }
        for (String doomedId : doomed) {
            Node doomedNode = doomedNodes.get(doomedId);
            if (doomedNode.layer() == Layer.ACCEPTANCE_CRITERIA) {
                List<String> verifying = new ArrayList<>(tx.commandsVerifying(doomedId));
                verifying.removeAll(doomedSet);
                if (!verifying.isEmpty()) {
                    throw new InvalidLinkException("Cannot delete " + doomedId + ": Command nodes " + verifying
                            + " verify it. Delete them or point their acRef elsewhere first.");
                }
            }
        }
        Map<String, List<String>> staying = stayingChildren(doomed, doomedSet);
        Set<String> stayingIds = new TreeSet<>();
        staying.values().forEach(stayingIds::addAll);
        if (tx.lockNodes(stayingIds)) {
            // Read again under the locks: a child deleted meanwhile has lost its link already.
            staying = stayingChildren(doomed, doomedSet);
        }
        List<NewEvent> appended = new ArrayList<>();
        for (String doomedId : doomed) {
            for (String childId : staying.get(doomedId)) {
                // A child that stays loses this parent: its own history says so.
                appended.add(events.event(childId, EventType.UNLINKED, Map.of("parent", doomedId, "child", childId)));
            }
            if (!tx.delete(doomedId)) {
                throw concurrentlyChanged(id);
            }
            appended.add(events.event(doomedId, EventType.DELETED,
                    Map.of("mode", mode.name().toLowerCase(Locale.ROOT))));
        }
        tx.append(appended);
        return doomed;
    }

    /** The children of each doomed node that are not doomed themselves, by doomed node. */
    private Map<String, List<String>> stayingChildren(List<String> doomed, Set<String> doomedSet) {
        Map<String, List<String>> staying = new LinkedHashMap<>();
        for (String doomedId : doomed) {
            List<String> children = new ArrayList<>(tx.childIds(doomedId));
            children.removeAll(doomedSet);
            staying.put(doomedId, children);
        }
        return staying;
    }

    private static ConcurrentChangeException concurrentlyChanged(String id) {
        return new ConcurrentChangeException("The nodes at or below " + id + " changed in a concurrent transaction "
                + "while it was being deleted. Try again.");
    }

    /** The node and every node below it whose parents are all being deleted, parents first. */
    private List<String> cascade(String id) {
        Set<String> doomed = new LinkedHashSet<>(List.of(id));
        // A copy: the store's list may be immutable (a SQL store answers a leaf with List.of()).
        List<Node> below = new ArrayList<>(tx.descendants(id));
        below.sort((a, b) -> Integer.compare(a.layer().index(), b.layer().index()));
        for (Node candidate : below) {
            if (doomed.containsAll(tx.parentIds(candidate.id()))) {
                doomed.add(candidate.id());
            }
        }
        return List.copyOf(doomed);
    }
}
