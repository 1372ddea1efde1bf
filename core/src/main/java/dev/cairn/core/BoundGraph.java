package dev.cairn.core;

import dev.cairn.core.spi.NewEvent;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreTransaction;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The rules of the model, applied over one store transaction. Every write goes through here, so every
 * backend behaves alike. Used by one thread for one unit of work.
 */
final class BoundGraph implements PlanGraph {
    private final StoreTransaction tx;
    private final Clock clock;
    private final String actor;
    private final boolean retryOnConflict;
    /** The store whose write {@code tx} belongs to, for a batch's savepoint; null inside a batch's own. */
    private final Store nested;

    BoundGraph(StoreTransaction tx, Clock clock, String actor, boolean retryOnConflict, Store nested) {
        this.tx = tx;
        this.clock = clock;
        this.actor = actor;
        this.retryOnConflict = retryOnConflict;
        this.nested = nested;
    }

    @Override
    public Node create(NodeDraft draft) {
        Node node = newNode(draft);
        String id = node.id();
        requireAcceptanceCriteria(node);
        Set<String> parents = draft.parents();
        Map<String, Layer> parentLayers = layersOf(parents);
        for (String parentId : parents) {
            requireOrder(parentId, parentLayers.get(parentId), id, node.layer());
        }
        // The store refuses an id it holds already (DuplicateNodeException), as its primary key does.
        tx.insert(node);
        List<NewEvent> events = new ArrayList<>();
        events.add(created(node));
        for (String parentId : parents) {
            tx.insertLink(new Link(parentId, id));
            events.add(linked(parentId, id));
        }
        tx.append(events);
        return node;
    }

    /**
     * The node {@code draft} makes, stamped as {@link #create} stamps it and checked against every rule
     * that needs no store: what {@link #create} and a {@link Batch} share.
     */
    Node newNode(NodeDraft draft) {
        Objects.requireNonNull(draft, "draft");
        if (draft.title() == null) {
            // A Node cannot hold a null title, so this rule is checked before one is built.
            List<Violation> missing = new ArrayList<>();
            NodeRules.checkTitle(null, missing);
            throw new ValidationException(missing);
        }
        Instant now = now();
        Layer layer = draft.layer();
        String id = draft.id() == null ? NodeIds.generate(layer) : draft.id();
        Status status = draft.status();
        int progress = draft.progress() != null ? draft.progress() : status == Status.COMPLETED ? 100 : 0;
        Instant completedAt = truncate(draft.completedAt());
        if (completedAt == null && status == Status.COMPLETED) {
            completedAt = now;
        }
        Instant startedAt = truncate(draft.startedAt());
        if (startedAt == null && (status == Status.IN_PROGRESS || status == Status.COMPLETED)) {
            // An import may give only the completion date; the start stamped must not come after it.
            startedAt = completedAt != null && completedAt.isBefore(now) ? completedAt : now;
        }
        Instant createdAt = draft.createdAt() == null ? now : truncate(draft.createdAt());
        Node node = new Node(id, layer, draft.title(), emptyToNull(draft.description()), status, progress,
                emptyToNull(draft.owner()), emptyToNull(draft.assignee()), draft.severity(), draft.workType(),
                Set.of(), startedAt, completedAt, createdAt, createdAt, 1, draft.customFields(), draft.command());
        List<Violation> violations = new ArrayList<>(NodeRules.check(node));
        Set<String> labels = draft.labels();
        NodeRules.checkLabels("labels", labels, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return node.withLabels(labels);
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
        return findById(id).orElseThrow(() -> new NoSuchNodeException("No node with id " + describeId(id) + "."));
    }

    @Override
    public Optional<Node> findById(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return tx.node(id);
    }

    @Override
    public List<Node> find(NodeQuery query) {
        return tx.find(Objects.requireNonNull(query, "query"));
    }

    @Override
    public long count(NodeQuery query) {
        return tx.count(Objects.requireNonNull(query, "query").unpaged());
    }

    @Override
    public Node update(String id, NodePatch patch) {
        Objects.requireNonNull(patch, "patch");
        Node current = patch.expectedVersion().isPresent() ? get(id) : forChange(id);
        if (patch.expectedVersion().isPresent() && patch.expectedVersion().getAsLong() != current.version()) {
            throw conflict(current, patch.expectedVersion().getAsLong());
        }
        Node changed = new Patching(current, patch, now()).apply();
        return store(current, changed, patch.expectedVersion().isPresent());
    }

    @Override
    public Node setStatus(String id, Status status) {
        return update(id, NodePatch.create().status(Objects.requireNonNull(status, "status")));
    }

    @Override
    public Node reopen(String id) {
        Node current = forChange(id);
        if (current.status() != Status.COMPLETED) {
            throw new InvalidTransitionException("Cannot reopen " + id + ": it is " + current.status().wireName()
                    + ", and only a completed node is reopened.");
        }
        Node changed = current.withState(Status.IN_PROGRESS, current.progress(), current.startedAt(), null);
        return store(current, changed, false);
    }

    @Override
    public Node setProgress(String id, int progress) {
        return update(id, NodePatch.create().progress(progress));
    }

    @Override
    public void link(String parentId, String childId) {
        Map<String, Layer> layers = layersOf(Arrays.asList(parentId, childId));
        requireOrder(parentId, layers.get(parentId), childId, layers.get(childId));
        // The store refuses a link it holds already (InvalidLinkException), as its primary key does.
        tx.insertLink(new Link(parentId, childId));
        tx.append(List.of(linked(parentId, childId)));
    }

    @Override
    public void unlink(String parentId, String childId) {
        get(parentId);
        get(childId);
        if (!tx.deleteLink(new Link(parentId, childId))) {
            throw new InvalidLinkException("There is no link " + parentId + " → " + childId + " to remove.");
        }
        tx.append(List.of(event(childId, EventType.UNLINKED, Map.of("parent", parentId, "child", childId))));
    }

    @Override
    public Node label(String id, String... names) {
        Set<String> adding = checkedLabels(names);
        Node current = forChange(id);
        Set<String> labels = new TreeSet<>(current.labels());
        adding.removeAll(labels);
        if (adding.isEmpty()) {
            return current;
        }
        labels.addAll(adding);
        List<Violation> violations = new ArrayList<>();
        NodeRules.checkLabels("labels", labels, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        Node changed = writeVersion(current, current.withLabels(labels), false);
        tx.append(List.of(event(id, EventType.LABELLED, Map.of("labels", List.copyOf(adding)))));
        return changed;
    }

    @Override
    public Node unlabel(String id, String... names) {
        Set<String> removing = checkedLabels(names);
        Node current = forChange(id);
        removing.retainAll(current.labels());
        if (removing.isEmpty()) {
            return current;
        }
        Set<String> labels = new TreeSet<>(current.labels());
        labels.removeAll(removing);
        Node changed = writeVersion(current, current.withLabels(labels), false);
        tx.append(List.of(event(id, EventType.UNLABELLED, Map.of("labels", List.copyOf(removing)))));
        return changed;
    }

    @Override
    public Label defineLabel(String name, String description) {
        if (name == null) {
            throw new ValidationException(NodeRules.labelViolation("label", null).orElseThrow());
        }
        Label label = new Label(name, emptyToNull(description));
        List<Violation> violations = label.violations();
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        tx.putLabel(label);
        return label;
    }

    @Override
    public List<Label> labels() {
        return tx.labels();
    }

    @Override
    public List<String> delete(String id, DeleteMode mode) {
        Objects.requireNonNull(mode, "mode");
        // Where writers run concurrently, every node the deletion takes or unlinks is locked before its links
        // are read, so that the events it appends tell exactly what it did.
        tx.lockNodes(List.of(id));
        Node node = get(id);
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
        List<NewEvent> events = new ArrayList<>();
        for (String doomedId : doomed) {
            for (String childId : staying.get(doomedId)) {
                // A child that stays loses this parent: its own history says so.
                events.add(event(childId, EventType.UNLINKED, Map.of("parent", doomedId, "child", childId)));
            }
            if (!tx.delete(doomedId)) {
                throw concurrentlyChanged(id);
            }
            events.add(event(doomedId, EventType.DELETED, Map.of("mode", mode.name().toLowerCase(Locale.ROOT))));
        }
        tx.append(events);
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

    @Override
    public List<Node> children(String id) {
        get(id);
        return tx.find(NodeQuery.all().childOf(id));
    }

    @Override
    public List<Node> parents(String id) {
        get(id);
        return tx.find(NodeQuery.all().parentOf(id));
    }

    @Override
    public List<Node> descendants(String id) {
        get(id);
        return tx.descendants(id);
    }

    @Override
    public List<Node> ancestors(String id) {
        get(id);
        return tx.ancestors(id);
    }

    @Override
    public List<Node> roots() {
        return tx.find(NodeQuery.all().withoutParents());
    }

    @Override
    public List<Node> orphans() {
        List<Layer> belowGoal = new ArrayList<>(Arrays.asList(Layer.values()));
        belowGoal.remove(Layer.GOAL);
        return tx.find(NodeQuery.all().withoutParents().layers(belowGoal.toArray(Layer[]::new)));
    }

    @Override
    public List<Link> links() {
        return tx.links();
    }

    @Override
    public List<StatusCount> countByLayerAndStatus() {
        return tx.countByLayerAndStatus();
    }

    @Override
    public double rolledUpProgress(String id) {
        return tree(id).rolledUpProgress();
    }

    @Override
    public PlanTree tree(String id) {
        Node root = get(id);
        Map<String, Node> nodes = new LinkedHashMap<>();
        nodes.put(id, root);
        tx.descendants(id).forEach(node -> nodes.put(node.id(), node));
        return new Rollup(nodes, tx.descendantLinks(id)).tree(id);
    }

    @Override
    public List<PlanTree> forest() {
        Map<String, Node> nodes = new LinkedHashMap<>();
        tx.find(NodeQuery.all()).forEach(node -> nodes.put(node.id(), node));
        Rollup rollup = new Rollup(nodes, tx.links());
        return roots().stream().map(root -> rollup.tree(root.id())).toList();
    }

    @Override
    public List<Event> history(String id) {
        return tx.events(Objects.requireNonNull(id, "id"));
    }

    @Override
    public List<Event> events(long afterSequence, int limit) {
        if (limit < 1) {
            throw new ValidationException(Violation.of("limit", limit, "must be 1 or more"));
        }
        return tx.events(afterSequence, limit);
    }

    /** What {@link Batch#replace} does: the stored node takes {@code wanted}'s fields, its creation time kept. */
    Node replace(Node wanted) {
        Node current = forChange(wanted.id());
        if (current.layer() != wanted.layer()) {
            throw new ValidationException(Violation.of("layer", wanted.layer().displayName(),
                    "must stay " + current.layer().displayName() + ", the layer of the stored node"));
        }
        Node changed = new Node(wanted.id(), wanted.layer(), wanted.title(), wanted.description(), wanted.status(),
                wanted.progress(), wanted.owner(), wanted.assignee(), wanted.severity(), wanted.workType(),
                wanted.labels(), truncate(wanted.startedAt()), truncate(wanted.completedAt()), current.createdAt(),
                current.updatedAt(), current.version(), wanted.customFields(), wanted.command());
        return store(current, changed, false);
    }

    private Node store(Node current, Node changed, boolean versionExpected) {
        List<Violation> violations = NodeRules.check(changed);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        if (changed.command() != null && !Objects.equals(changed.command(), current.command())) {
            requireAcceptanceCriteria(changed);
        }
        Map<String, Object> changes = Patching.differences(current, changed);
        if (changes.isEmpty()) {
            return current;
        }
        Node written = writeVersion(current, changed, versionExpected);
        Object statusChange = changes.remove("status");
        if (statusChange == null) {
            tx.append(List.of(event(current.id(), EventType.UPDATED, changes)));
        } else {
            // One change, one event: the status's from and to, with what came along (dates, progress, a
            // patch's other fields) beside them.
            Map<String, Object> details = new LinkedHashMap<>(asMap(statusChange));
            details.putAll(changes);
            tx.append(List.of(event(current.id(), EventType.STATUS_CHANGED, details)));
        }
        return written;
    }

    /**
     * The node, read to be changed without an expected version: where writers run concurrently it is locked
     * first, so that writers of one node take turns instead of failing each other's version checks.
     */
    private Node forChange(String id) {
        tx.lockNodes(List.of(id));
        return get(id);
    }

    private Node writeVersion(Node current, Node changed, boolean versionExpected) {
        Node written = changed.touched(now(), current.version() + 1);
        if (!tx.update(written, current.version())) {
            if (retryOnConflict && !versionExpected) {
                throw new RetryableConflict();
            }
            Node latest = get(current.id());
            throw conflict(latest, current.version());
        }
        return written;
    }

    private static VersionConflictException conflict(Node latest, long expected) {
        return new VersionConflictException("Node " + latest.id() + " is at version " + latest.version()
                + ", not the expected " + expected + ": it changed since it was read. Read it again and retry.");
    }

    private void requireAcceptanceCriteria(Node node) {
        if (node.command() == null) {
            return;
        }
        String acRef = node.command().acRef();
        Optional<Node> target = tx.node(acRef);
        if (target.isEmpty() || target.get().layer() != Layer.ACCEPTANCE_CRITERIA) {
            throw new ValidationException(Violation.of("command.acRef", acRef,
                    "must name an existing AcceptanceCriteria node"));
        }
    }

    /**
     * The layers of the nodes of {@code ids}, read without the rest of them; the first id with no node fails, as
     * {@link #get} fails.
     */
    private Map<String, Layer> layersOf(Collection<String> ids) {
        List<String> named = ids.stream().filter(Objects::nonNull).toList();
        Map<String, Layer> layers = named.isEmpty() ? Map.of() : tx.layers(named);
        for (String id : ids) {
            if (id == null || !layers.containsKey(id)) {
                throw new NoSuchNodeException("No node with id " + describeId(id) + ".");
            }
        }
        return layers;
    }

    static void requireOrder(String parentId, Layer parentLayer, String childId, Layer childLayer) {
        if (!parentLayer.isAbove(childLayer)) {
            throw new InvalidLinkException("Cannot link " + parentId + " (" + parentLayer.displayName()
                    + ") → " + childId + " (" + childLayer.displayName() + "): a parent's layer must come "
                    + "before its child's in " + Arrays.stream(Layer.values()).map(Layer::displayName).toList() + ".");
        }
    }

    private static Set<String> checkedLabels(String... names) {
        Set<String> labels = new TreeSet<>();
        List<Violation> violations = new ArrayList<>();
        for (String name : names) {
            NodeRules.labelViolation("labels", name).ifPresentOrElse(violations::add, () -> labels.add(name));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return labels;
    }

    /** The event of a node's creation: the same for {@link #create} and a {@link Batch}. */
    NewEvent created(Node node) {
        // Strings only, so built frozen rather than deep-copied: a batch makes one per node.
        Map<String, Object> details = new LinkedHashMap<>(4);
        details.put("layer", node.layer().displayName());
        details.put("title", node.title());
        details.put("status", node.status().wireName());
        return new NewEvent(node.id(), EventType.CREATED, now(), actor, Collections.unmodifiableMap(details));
    }

    /** The event of a new link, told in the child's history. */
    NewEvent linked(String parentId, String childId) {
        Map<String, Object> details = new LinkedHashMap<>(4);
        details.put("parent", parentId);
        details.put("child", childId);
        return new NewEvent(childId, EventType.LINKED, now(), actor, Collections.unmodifiableMap(details));
    }

    private NewEvent event(String nodeId, EventType type, Map<String, Object> details) {
        return new NewEvent(nodeId, type, now(), actor, Values.freezeMap(details));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    static String describeId(String id) {
        return id == null ? "null" : "'" + (id.length() > 80 ? id.substring(0, 80) + "…" : id) + "'";
    }

    /** A write met a concurrent change it may safely redo from a fresh read. */
    static final class RetryableConflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RetryableConflict() {
            super(null, null, false, false);
        }
    }
}
