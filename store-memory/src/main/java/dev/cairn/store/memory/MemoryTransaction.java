package dev.cairn.store.memory;

import dev.cairn.core.Event;
import dev.cairn.core.Label;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.StatusCount;
import dev.cairn.core.spi.NewEvent;
import dev.cairn.core.spi.RunLog;
import dev.cairn.core.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One unit of work on a {@link MemoryState}, under its lock. Not thread-safe: confined to the thread
 * that opened it, and unusable once its work has returned. A write transaction records the inverse of
 * each change, so that a failed unit of work, or a failed nested one, leaves nothing behind.
 */
final class MemoryTransaction implements StoreTransaction {
    private final MemoryState state;
    private final MemoryWrites writes;
    private final Thread owner = Thread.currentThread();
    private final RunLog runLog;
    private boolean open = true;

    private MemoryTransaction(MemoryState state, MemoryWrites writes) {
        this.state = state;
        this.writes = writes;
        this.runLog = new MemoryRunLog(this, state, writes);
    }

    static MemoryTransaction reading(MemoryState state) {
        return new MemoryTransaction(state, null);
    }

    static MemoryTransaction writing(MemoryState state) {
        return new MemoryTransaction(state, new MemoryWrites(state));
    }

    /** Runs {@code work}; when it throws, undoes what it changed and rethrows. Nests like a savepoint. */
    <T> T runAtomically(Function<StoreTransaction, T> work) {
        UndoLog undo = writes.undo();
        int mark = undo.mark();
        try {
            return work.apply(this);
        } catch (Throwable failure) {
            try {
                undo.rollbackTo(mark);
            } catch (RuntimeException | Error rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
    }

    /** Keeps every change made so far. */
    void commit() {
        writes.undo().clear();
    }

    /** Ends the transaction: any later call fails. */
    void end() {
        open = false;
    }

    @Override
    public Optional<Node> node(String id) {
        checkUsable();
        return Optional.ofNullable(state.nodes.get(id));
    }

    @Override
    public List<Node> nodes(Collection<String> ids) {
        checkUsable();
        List<Node> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            Node node = state.nodes.get(id);
            if (node != null) {
                found.add(node);
            }
        }
        return found;
    }

    @Override
    public void insert(Node node) {
        checkWritable();
        writes.insert(node);
    }

    @Override
    public boolean update(Node node, long expectedVersion) {
        checkWritable();
        return writes.update(node, expectedVersion);
    }

    @Override
    public boolean delete(String id) {
        checkWritable();
        return writes.delete(id);
    }

    @Override
    public void insertLink(Link link) {
        checkWritable();
        writes.insertLink(link);
    }

    @Override
    public boolean deleteLink(Link link) {
        checkWritable();
        return writes.deleteLink(link);
    }

    @Override
    public boolean hasLink(Link link) {
        checkUsable();
        return state.hasLink(link.parentId(), link.childId());
    }

    @Override
    public List<String> parentIds(String id) {
        checkUsable();
        return List.copyOf(state.parentIds(id));
    }

    @Override
    public List<String> childIds(String id) {
        checkUsable();
        return List.copyOf(state.childIds(id));
    }

    @Override
    public List<Node> find(NodeQuery query) {
        checkUsable();
        return MemoryQueries.find(state, query);
    }

    @Override
    public long count(NodeQuery query) {
        checkUsable();
        return MemoryQueries.count(state, query);
    }

    @Override
    public List<Node> descendants(String id) {
        checkUsable();
        return MemoryWalks.nodes(state, id, state.children);
    }

    @Override
    public List<Node> ancestors(String id) {
        checkUsable();
        return MemoryWalks.nodes(state, id, state.parents);
    }

    @Override
    public List<Link> descendantLinks(String id) {
        checkUsable();
        return MemoryWalks.linksBelow(state, id);
    }

    @Override
    public List<Link> links() {
        checkUsable();
        return MemoryQueries.links(state);
    }

    @Override
    public List<StatusCount> countByLayerAndStatus() {
        checkUsable();
        return MemoryQueries.countByLayerAndStatus(state);
    }

    @Override
    public List<String> commandsVerifying(String acceptanceCriteriaId) {
        checkUsable();
        Set<String> ids = state.commandsByAcceptanceCriteria.get(acceptanceCriteriaId);
        return ids == null ? List.of() : List.copyOf(ids);
    }

    @Override
    public void putLabel(Label label) {
        checkWritable();
        writes.putLabel(label);
    }

    @Override
    public Optional<Label> label(String name) {
        checkUsable();
        return Optional.ofNullable(state.labels.get(name));
    }

    @Override
    public List<Label> labels() {
        checkUsable();
        return List.copyOf(state.labels.values());
    }

    @Override
    public void append(List<NewEvent> events) {
        checkWritable();
        writes.append(events);
    }

    @Override
    public List<Event> events(String nodeId) {
        checkUsable();
        return state.events.forNode(nodeId);
    }

    @Override
    public List<Event> events(long afterSequence, int limit) {
        checkUsable();
        return state.events.after(afterSequence, limit);
    }

    @Override
    public Optional<RunLog> runLog() {
        checkUsable();
        return Optional.of(runLog);
    }

    void checkUsable() {
        if (!open) {
            throw new IllegalStateException("This store transaction has ended: use a transaction only inside "
                    + "the read or write call that gave it");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("This store transaction belongs to thread " + owner.getName()
                    + ", not to " + Thread.currentThread().getName() + ": a transaction is confined to its thread");
        }
    }

    void checkWritable() {
        checkUsable();
        if (writes == null) {
            throw new IllegalStateException("This store transaction is read-only: change the store inside "
                    + "Store.write, not Store.read");
        }
    }
}
