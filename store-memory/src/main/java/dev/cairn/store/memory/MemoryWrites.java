package dev.cairn.store.memory;

import dev.cairn.core.DuplicateNodeException;
import dev.cairn.core.Event;
import dev.cairn.core.InvalidLinkException;
import dev.cairn.core.Label;
import dev.cairn.core.Link;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.Node;
import dev.cairn.core.spi.NewEvent;
import java.util.List;
import java.util.Set;

/**
 * The changes of one write transaction, each applied to the {@link MemoryState} with its inverse
 * recorded in an {@link UndoLog}. Not thread-safe: used under the write lock by the thread holding it.
 */
final class MemoryWrites {
    private final MemoryState state;
    private final UndoLog undo = new UndoLog();
    private final MemoryRuns runs;

    MemoryWrites(MemoryState state) {
        this.state = state;
        this.runs = new MemoryRuns(state, undo);
    }

    UndoLog undo() {
        return undo;
    }

    /** The changes to runs and leases, recorded in the same undo log as the rest. */
    MemoryRuns runs() {
        return runs;
    }

    void insert(Node node) {
        if (state.nodes.containsKey(node.id())) {
            throw new DuplicateNodeException("Node " + node.id() + " exists already");
        }
        createMissingLabels(node.labels());
        state.putNode(node);
        undo.record(() -> state.removeNode(node.id()));
    }

    boolean update(Node node, long expectedVersion) {
        Node current = state.nodes.get(node.id());
        if (current == null || current.version() != expectedVersion) {
            return false;
        }
        createMissingLabels(node.labels());
        state.putNode(node);
        undo.record(() -> state.putNode(current));
        return true;
    }

    boolean delete(String id) {
        Node removed = state.removeNode(id);
        if (removed == null) {
            return false;
        }
        undo.record(() -> state.putNode(removed));
        for (Link link : state.linksOf(id)) {
            state.removeLink(link.parentId(), link.childId());
            undo.record(() -> state.addLink(link.parentId(), link.childId()));
        }
        runs.deleteAllOf(id);
        return true;
    }

    /** Stores a link; the SPI's callers have checked it, so a broken one is a bug reported as such. */
    void insertLink(Link link) {
        requireNode(link.parentId());
        requireNode(link.childId());
        if (!state.addLink(link.parentId(), link.childId())) {
            throw new InvalidLinkException("Link " + link.parentId() + " → " + link.childId()
                    + " exists already");
        }
        undo.record(() -> state.removeLink(link.parentId(), link.childId()));
    }

    boolean deleteLink(Link link) {
        if (!state.removeLink(link.parentId(), link.childId())) {
            return false;
        }
        undo.record(() -> state.addLink(link.parentId(), link.childId()));
        return true;
    }

    void putLabel(Label label) {
        Label previous = state.putLabel(label);
        undo.record(previous == null ? () -> state.removeLabel(label.name()) : () -> state.putLabel(previous));
    }

    void append(List<NewEvent> events) {
        for (NewEvent event : events) {
            Event stored = state.events.append(event);
            undo.record(() -> state.events.removeNewest(stored));
        }
    }

    private void createMissingLabels(Set<String> names) {
        for (String name : names) {
            if (!state.labels.containsKey(name)) {
                state.putLabel(new Label(name, null));
                undo.record(() -> state.removeLabel(name));
            }
        }
    }

    private void requireNode(String id) {
        if (!state.nodes.containsKey(id)) {
            throw new NoSuchNodeException("Node " + id + " does not exist");
        }
    }
}
