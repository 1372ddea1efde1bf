package dev.cairn.core;

import dev.cairn.core.spi.NewEvent;
import dev.cairn.core.spi.StoreTransaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Creates and changes nodes over one store transaction: the rules every write of a node checks, its version
 * bumped under optimistic locking, and the event that tells what changed. Labels too, on nodes and defined
 * alone. Used by one thread for one unit of work.
 */
final class NodeWrites {
    private final StoreTransaction tx;
    private final GraphReads reads;
    private final GraphEvents events;
    private final boolean retryOnConflict;

    NodeWrites(StoreTransaction tx, GraphReads reads, GraphEvents events, boolean retryOnConflict) {
        this.tx = tx;
        this.reads = reads;
        this.events = events;
        this.retryOnConflict = retryOnConflict;
    }

    Node create(NodeDraft draft) {
        Node node = newNode(draft);
        String id = node.id();
        requireAcceptanceCriteria(node);
        Set<String> parents = draft.parents();
        Map<String, Layer> parentLayers = reads.layersOf(parents);
        for (String parentId : parents) {
            LinkWrites.requireOrder(parentId, parentLayers.get(parentId), id, node.layer());
        }
        // The store refuses an id it holds already (DuplicateNodeException), as its primary key does.
        tx.insert(node);
        List<NewEvent> appended = new ArrayList<>();
        appended.add(events.created(node));
        for (String parentId : parents) {
            tx.insertLink(new Link(parentId, id));
            appended.add(events.linked(parentId, id));
        }
        tx.append(appended);
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
        Instant now = events.now();
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
        Node node = Node.builder(id, layer).title(draft.title()).description(emptyToNull(draft.description()))
                .status(status).progress(progress).owner(emptyToNull(draft.owner()))
                .assignee(emptyToNull(draft.assignee())).severity(draft.severity()).workType(draft.workType())
                .startedAt(startedAt).completedAt(completedAt).createdAt(createdAt).updatedAt(createdAt)
                .customFields(draft.customFields()).command(draft.command()).build();
        List<Violation> violations = new ArrayList<>(NodeRules.check(node));
        Set<String> labels = draft.labels();
        NodeRules.checkLabels("labels", labels, violations);
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return node.withLabels(labels);
    }

    Node update(String id, NodePatch patch) {
        Objects.requireNonNull(patch, "patch");
        Node current = patch.expectedVersion().isPresent() ? reads.get(id) : forChange(id);
        if (patch.expectedVersion().isPresent() && patch.expectedVersion().getAsLong() != current.version()) {
            throw conflict(current, patch.expectedVersion().getAsLong());
        }
        Node changed = new Patching(current, patch, events.now()).apply();
        return store(current, changed, patch.expectedVersion().isPresent());
    }

    Node reopen(String id) {
        Node current = forChange(id);
        if (current.status() != Status.COMPLETED) {
            throw new InvalidTransitionException("Cannot reopen " + id + ": it is " + current.status().wireName()
                    + ", and only a completed node is reopened.");
        }
        Node changed = current.withState(Status.IN_PROGRESS, current.progress(), current.startedAt(), null);
        return store(current, changed, false);
    }

    /** What {@link Batch#replace} does: the stored node takes {@code wanted}'s fields, its creation time kept. */
    Node replace(Node wanted) {
        Node current = forChange(wanted.id());
        if (current.layer() != wanted.layer()) {
            throw new ValidationException(Violation.of("layer", wanted.layer().displayName(),
                    "must stay " + current.layer().displayName() + ", the layer of the stored node"));
        }
        Node changed = wanted.toBuilder().startedAt(truncate(wanted.startedAt()))
                .completedAt(truncate(wanted.completedAt())).createdAt(current.createdAt())
                .updatedAt(current.updatedAt()).version(current.version()).build();
        return store(current, changed, false);
    }

    Node label(String id, String... names) {
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
        tx.append(List.of(events.event(id, EventType.LABELLED, Map.of("labels", List.copyOf(adding)))));
        return changed;
    }

    Node unlabel(String id, String... names) {
        Set<String> removing = checkedLabels(names);
        Node current = forChange(id);
        removing.retainAll(current.labels());
        if (removing.isEmpty()) {
            return current;
        }
        Set<String> labels = new TreeSet<>(current.labels());
        labels.removeAll(removing);
        Node changed = writeVersion(current, current.withLabels(labels), false);
        tx.append(List.of(events.event(id, EventType.UNLABELLED, Map.of("labels", List.copyOf(removing)))));
        return changed;
    }

    Label defineLabel(String name, String description) {
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
            tx.append(List.of(events.event(current.id(), EventType.UPDATED, changes)));
        } else {
            // One change, one event: the status's from and to, with what came along (dates, progress, a
            // patch's other fields) beside them.
            Map<String, Object> details = new LinkedHashMap<>(asMap(statusChange));
            details.putAll(changes);
            tx.append(List.of(events.event(current.id(), EventType.STATUS_CHANGED, details)));
        }
        return written;
    }

    /**
     * The node, read to be changed without an expected version: where writers run concurrently it is locked
     * first, so that writers of one node take turns instead of failing each other's version checks.
     */
    private Node forChange(String id) {
        tx.lockNodes(List.of(id));
        return reads.get(id);
    }

    private Node writeVersion(Node current, Node changed, boolean versionExpected) {
        Node written = changed.touched(events.now(), current.version() + 1);
        if (!tx.update(written, current.version())) {
            if (retryOnConflict && !versionExpected) {
                throw new BoundGraph.RetryableConflict();
            }
            Node latest = reads.get(current.id());
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

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    static Instant truncate(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
