package dev.cairn.core;

import dev.cairn.core.spi.NewEvent;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreTransaction;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The rules of the model, applied over one store transaction. Every write goes through here, so every
 * backend behaves alike. Used by one thread for one unit of work.
 *
 * <p>A facade over the parts that do the work: {@link GraphReads} answers the queries, {@link NodeWrites}
 * creates and changes nodes and labels, {@link LinkWrites} links and unlinks, {@link Deletion} deletes, and
 * {@link GraphEvents} stamps the time and tells each write as an event. A {@link Batch} runs here too.
 */
final class BoundGraph implements PlanGraph {
    private final StoreTransaction tx;
    private final Clock clock;
    private final String actor;
    /** The store whose write {@code tx} belongs to, for a batch's savepoint; null inside a batch's own. */
    private final Store nested;
    private final GraphEvents events;
    private final GraphReads reads;
    private final NodeWrites nodes;
    private final LinkWrites links;
    private final Deletion deletion;

    BoundGraph(StoreTransaction tx, Clock clock, String actor, boolean retryOnConflict, Store nested) {
        this.tx = tx;
        this.clock = clock;
        this.actor = actor;
        this.nested = nested;
        this.events = new GraphEvents(clock, actor);
        this.reads = new GraphReads(tx);
        this.nodes = new NodeWrites(tx, reads, events, retryOnConflict);
        this.links = new LinkWrites(tx, reads, events);
        this.deletion = new Deletion(tx, reads, events);
    }

    @Override
    public Node create(NodeDraft draft) {
        return nodes.create(draft);
    }

    /** See {@link NodeWrites#newNode}: what {@link #create} and a {@link Batch} share. */
    Node newNode(NodeDraft draft) {
        return nodes.newNode(draft);
    }

    /**
     * Writes many nodes and links under a savepoint of this transaction, so that a batch that fails
     * leaves the transaction as it found it.
     */
    @Override
    public BatchResult batch(Consumer<Batch> work) {
        Objects.requireNonNull(work, "work");
        if (nested == null) {
            return BoundBatch.run(this, tx, work);
        }
        return nested.write(inner -> BoundBatch.run(new BoundGraph(inner, clock, actor, false, null), inner, work));
    }

    @Override
    public Node get(String id) {
        return reads.get(id);
    }

    @Override
    public Optional<Node> findById(String id) {
        return reads.findById(id);
    }

    @Override
    public List<Node> find(NodeQuery query) {
        return reads.find(query);
    }

    @Override
    public long count(NodeQuery query) {
        return reads.count(query);
    }

    @Override
    public Node update(String id, NodePatch patch) {
        return nodes.update(id, patch);
    }

    @Override
    public Node setStatus(String id, Status status) {
        return update(id, NodePatch.create().status(Objects.requireNonNull(status, "status")));
    }

    @Override
    public Node reopen(String id) {
        return nodes.reopen(id);
    }

    @Override
    public Node setProgress(String id, int progress) {
        return update(id, NodePatch.create().progress(progress));
    }

    @Override
    public void link(String parentId, String childId) {
        links.link(parentId, childId);
    }

    @Override
    public void unlink(String parentId, String childId) {
        links.unlink(parentId, childId);
    }

    @Override
    public Node label(String id, String... names) {
        return nodes.label(id, names);
    }

    @Override
    public Node unlabel(String id, String... names) {
        return nodes.unlabel(id, names);
    }

    @Override
    public Label defineLabel(String name, String description) {
        return nodes.defineLabel(name, description);
    }

    @Override
    public List<Label> labels() {
        return reads.labels();
    }

    @Override
    public List<String> delete(String id, DeleteMode mode) {
        return deletion.delete(id, mode);
    }

    @Override
    public List<Node> children(String id) {
        return reads.children(id);
    }

    @Override
    public List<Node> parents(String id) {
        return reads.parents(id);
    }

    @Override
    public List<Node> descendants(String id) {
        return reads.descendants(id);
    }

    @Override
    public List<Node> ancestors(String id) {
        return reads.ancestors(id);
    }

    @Override
    public List<Node> roots() {
        return reads.roots();
    }

    @Override
    public List<Node> orphans() {
        return reads.orphans();
    }

    @Override
    public List<Link> links() {
        return reads.links();
    }

    @Override
    public List<StatusCount> countByLayerAndStatus() {
        return reads.countByLayerAndStatus();
    }

    @Override
    public double rolledUpProgress(String id) {
        return tree(id).rolledUpProgress();
    }

    @Override
    public PlanTree tree(String id) {
        return reads.tree(id);
    }

    @Override
    public List<PlanTree> forest() {
        return reads.forest();
    }

    @Override
    public List<Event> history(String id) {
        return reads.history(id);
    }

    @Override
    public List<Event> events(long afterSequence, int limit) {
        return reads.events(afterSequence, limit);
    }

    /** What {@link Batch#replace} does: the stored node takes {@code wanted}'s fields, its creation time kept. */
    Node replace(Node wanted) {
        return nodes.replace(wanted);
    }

    /** The event of a node's creation: the same for {@link #create} and a {@link Batch}. */
    NewEvent created(Node node) {
        return events.created(node);
    }

    /** The event of a new link, told in the child's history. */
    NewEvent linked(String parentId, String childId) {
        return events.linked(parentId, childId);
    }

    /** A write met a concurrent change it may safely redo from a fresh read. */
    static final class RetryableConflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RetryableConflict() {
            super(null, null, false, false);
        }
    }
}
