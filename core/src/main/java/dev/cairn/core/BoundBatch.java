package dev.cairn.core;

import dev.cairn.core.spi.NewEvent;
import dev.cairn.core.spi.StoreTransaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A {@link Batch} over one store transaction: checks each node and link as it comes, holds one chunk, and
 * writes it through {@link StoreTransaction#insertNodes}, {@link StoreTransaction#insertLinks} and
 * {@link StoreTransaction#append} when it is full. Used by one thread for one batch.
 *
 * <p>Memory is bounded by the chunk, not by the batch: no set of the ids added is kept.
 * <ul>
 *   <li>A layer is read from its id's prefix, which the rules tie to the layer on every write; so the
 *       layer order of a link is checked when it is added, without a lookup.</li>
 *   <li>A duplicate id or link within the chunk is found in the chunk; one in the store (earlier chunks
 *       included) is refused by the store's insert, as {@link StoreTransaction#insert} and
 *       {@link StoreTransaction#insertLink} promise, and fails the batch.</li>
 *   <li>A link's end that is not in the chunk must be in the store: the store refuses a link to a missing
 *       node, as {@link StoreTransaction#insertLink} promises. Such ends are remembered until the chunk is
 *       written, so that a node added after a link that named it fails, as in a sequence of single calls,
 *       rather than pass because the chunk writes nodes before links.</li>
 *   <li>A command's {@code acRef} not in the chunk is looked up in the store when the chunk is written, all
 *       of the chunk's in one call, before the chunk's own nodes are: so it must have been added
 *       earlier, as in a sequence of {@link PlanGraph#create} calls.</li>
 * </ul>
 */
final class BoundBatch implements Batch {
    /** Nodes and links per chunk: enough to amortize a round trip, small enough to ignore in memory. */
    static final int CHUNK = 1_000;
    /** At most this many acceptance criteria found are remembered, so that commands naming them ask once. */
    private static final int KNOWN_CRITERIA_LIMIT = 10_000;

    private final BoundGraph rules;
    private final StoreTransaction tx;
    private final Thread owner = Thread.currentThread();
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Set<Link> links = new LinkedHashSet<>();
    private final List<NewEvent> events = new ArrayList<>();
    /** Ends of the chunk's links that were not in the chunk when linked, so must be in the store. */
    private final Set<String> endsOutside = new HashSet<>();
    private final Set<String> criteriaToCheck = new LinkedHashSet<>();
    private final Set<String> knownCriteria = new HashSet<>();
    private long nodesWritten;
    private long linksWritten;
    private long eventsWritten;
    private boolean open = true;

    private BoundBatch(BoundGraph rules, StoreTransaction tx) {
        this.rules = rules;
        this.tx = tx;
    }

    /** Runs {@code work} on a new batch and writes what is left; the caller provides the transaction. */
    static BatchResult run(BoundGraph rules, StoreTransaction tx, Consumer<Batch> work) {
        BoundBatch batch = new BoundBatch(rules, tx);
        try {
            work.accept(batch);
            batch.flush();
        } finally {
            batch.open = false;
        }
        return new BatchResult(batch.nodesWritten, batch.linksWritten, batch.eventsWritten);
    }

    @Override
    public String add(NodeDraft draft) {
        checkUsable();
        Node node = rules.newNode(draft);
        Set<String> parents = draft.parents();
        for (String parentId : parents) {
            LinkWrites.requireOrder(parentId, layerOf(parentId), node.id(), node.layer());
        }
        put(node);
        events.add(rules.created(node));
        for (String parentId : parents) {
            noteOutside(parentId);
            links.add(new Link(parentId, node.id()));
            events.add(rules.linked(parentId, node.id()));
        }
        flushWhenFull();
        return node.id();
    }

    @Override
    public void restore(Node node) {
        checkUsable();
        Objects.requireNonNull(node, "node");
        NodeRules.require(node);
        put(node);
        flushWhenFull();
    }

    @Override
    public void record(Event event) {
        checkUsable();
        Objects.requireNonNull(event, "event");
        events.add(new NewEvent(event.nodeId(), event.type(), event.at(), event.actor(), event.details()));
        flushWhenFull();
    }

    @Override
    public Label defineLabel(String name, String description) {
        checkUsable();
        return rules.defineLabel(name, description);
    }

    @Override
    public Node replace(Node wanted) {
        checkUsable();
        Objects.requireNonNull(wanted, "wanted");
        // What the chunk holds may be what the node now names (its acRef), and must be stored first.
        flush();
        long before = tx.node(wanted.id()).map(Node::version).orElse(0L);
        Node stored = rules.replace(wanted);
        if (stored.version() != before) {
            eventsWritten++; // the one event of a change; an unchanged node records none
        }
        return stored;
    }

    @Override
    public void unlink(String parentId, String childId) {
        checkUsable();
        flush();
        rules.unlink(parentId, childId);
        eventsWritten++;
    }

    /** Takes a checked node into the chunk, refusing an id the chunk has or one its links named too early. */
    private void put(Node node) {
        String id = node.id();
        if (nodes.containsKey(id)) {
            throw new DuplicateNodeException("Node " + id + " exists already: it was added earlier in this batch.");
        }
        if (endsOutside.contains(id)) {
            // A link of this chunk named the node before it was added: written in one go, it would pass.
            if (tx.node(id).isPresent()) {
                throw new DuplicateNodeException("Node " + id + " exists already.");
            }
            throw new NoSuchNodeException("No node with id " + GraphReads.describeId(id) + " when a link of this "
                    + "batch named it: add a node before linking it.");
        }
        if (node.command() != null) {
            String acRef = node.command().acRef();
            // The rules made sure it is an AcceptanceCriteria id; one in this chunk is that node.
            if (!nodes.containsKey(acRef) && !knownCriteria.contains(acRef)) {
                criteriaToCheck.add(acRef);
            }
        }
        nodes.put(id, node);
    }

    @Override
    public void link(String parentId, String childId) {
        checkUsable();
        addLink(parentId, childId);
        events.add(rules.linked(parentId, childId));
        flushWhenFull();
    }

    @Override
    public void restore(Link link) {
        checkUsable();
        Objects.requireNonNull(link, "link");
        addLink(link.parentId(), link.childId());
        flushWhenFull();
    }

    private void addLink(String parentId, String childId) {
        LinkWrites.requireOrder(parentId, layerOf(parentId), childId, layerOf(childId));
        if (!links.add(new Link(parentId, childId))) {
            throw new InvalidLinkException("Link " + parentId + " → " + childId
                    + " exists already: it was added earlier in this batch.");
        }
        noteOutside(parentId);
        noteOutside(childId);
    }

    private void noteOutside(String end) {
        if (!nodes.containsKey(end)) {
            endsOutside.add(end);
        }
    }

    private void flushWhenFull() {
        // Events count apart: a restored history may hold many per node.
        if (nodes.size() + links.size() >= CHUNK || events.size() >= 4 * CHUNK) {
            flush();
        }
    }

    private void flush() {
        if (!criteriaToCheck.isEmpty()) {
            Set<String> found = new HashSet<>();
            for (Node criteria : tx.nodes(criteriaToCheck)) {
                if (criteria.layer() == Layer.ACCEPTANCE_CRITERIA) {
                    found.add(criteria.id());
                }
            }
            for (String acRef : criteriaToCheck) {
                if (!found.contains(acRef)) {
                    throw new ValidationException(Violation.of("command.acRef", acRef,
                            "must name an existing AcceptanceCriteria node"));
                }
            }
            if (knownCriteria.size() + found.size() <= KNOWN_CRITERIA_LIMIT) {
                knownCriteria.addAll(found);
            }
            criteriaToCheck.clear();
        }
        endsOutside.clear();
        if (!nodes.isEmpty()) {
            tx.insertNodes(List.copyOf(nodes.values()));
            nodesWritten += nodes.size();
            nodes.clear();
        }
        if (!links.isEmpty()) {
            tx.insertLinks(List.copyOf(links));
            linksWritten += links.size();
            links.clear();
        }
        if (!events.isEmpty()) {
            tx.append(List.copyOf(events));
            eventsWritten += events.size();
            events.clear();
        }
    }

    /**
     * The layer of the node {@code id} names, from its prefix.
     *
     * @throws NoSuchNodeException when {@code id} has no layer prefix, so names no node
     */
    private static Layer layerOf(String id) {
        int dash = id == null ? -1 : id.indexOf('-');
        Optional<Layer> layer = dash > 0 ? Layer.forPrefix(id.substring(0, dash)) : Optional.empty();
        return layer.orElseThrow(() -> new NoSuchNodeException("No node with id " + GraphReads.describeId(id)
                + ": a node id starts with its layer's prefix."));
    }

    private void checkUsable() {
        if (!open) {
            throw new IllegalStateException("This batch has ended: add to a batch only inside the work given to "
                    + "batch(...)");
        }
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("This batch belongs to thread " + owner.getName() + ", not to "
                    + Thread.currentThread().getName() + ": a batch is confined to its thread");
        }
    }
}
