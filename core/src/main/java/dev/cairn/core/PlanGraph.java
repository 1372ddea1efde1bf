package dev.cairn.core;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The operations on a plan: what {@link Cairn} offers, and what a transaction of
 * {@link Cairn#inTransaction} offers. Every write is checked against the rules before it reaches the
 * store and appends its events to the audit trail.
 */
public interface PlanGraph {
    /**
     * Creates a node, with its labels and its links to the draft's parents.
     *
     * @throws ValidationException       naming every field that breaks a rule
     * @throws DuplicateNodeException    when the id exists
     * @throws NoSuchNodeException       when a parent does not exist
     * @throws InvalidLinkException      when a parent's layer does not come before the node's
     */
    Node create(NodeDraft draft);

    /**
     * Writes many nodes and links at once, all or nothing, as fast as the store allows: an import, a
     * copy. {@code work} adds them to the {@link Batch} it is given; each is checked by the same rules
     * as {@link #create} and {@link #link}, and leaves the same events. They are written in chunks as
     * they come, so a batch of any size holds one chunk in memory, and a node or link added is seen by
     * other reads only once the batch has returned.
     *
     * <pre>{@code
     * BatchResult result = cairn.batch(batch -> {
     *     String goal = batch.add(NodeDraft.of(Layer.GOAL, "Ship 1.0"));
     *     batch.add(NodeDraft.of(Layer.TASK, "Write the parser").parents(goal));
     * });
     * }</pre>
     *
     * @return how many nodes, links and events were written
     * @throws ValidationException    naming every field of the first draft that breaks a rule
     * @throws DuplicateNodeException when an id exists, or was added earlier in the batch
     * @throws NoSuchNodeException    when an end of a link neither exists nor was added earlier in the batch
     * @throws InvalidLinkException   when a parent's layer does not come before its child's, or a link exists
     */
    BatchResult batch(Consumer<Batch> work);

    /**
     * The node with {@code id}.
     *
     * @throws NoSuchNodeException when there is none
     */
    Node get(String id);

    /** The node with {@code id}, if there is one. */
    Optional<Node> findById(String id);

    /** The nodes matching {@code query}, sorted and paged as it says. */
    List<Node> find(NodeQuery query);

    /** How many nodes match {@code query}, ignoring its page. */
    long count(NodeQuery query);

    /**
     * Applies a partial update: fields the patch does not name are left alone. A status named goes
     * through the transition rules.
     *
     * @throws VersionConflictException when the patch expects a version the node has moved on from
     */
    Node update(String id, NodePatch patch);

    /**
     * Moves a node to {@code status} if the transition table allows it; entering in_progress the
     * first time stamps {@code startedAt}, completing stamps {@code completedAt} and sets progress to 100.
     * A change to the status the node has already is no change.
     *
     * @throws InvalidTransitionException when the table does not allow it
     */
    Node setStatus(String id, Status status);

    /**
     * Moves a completed node back to in_progress, clearing its completion date.
     *
     * @throws InvalidTransitionException when the node is not completed
     */
    Node reopen(String id);

    /** Sets a node's own progress, 0 to 100. */
    Node setProgress(String id, int progress);

    /**
     * Links {@code parentId} → {@code childId}.
     *
     * @throws InvalidLinkException when the parent's layer does not come before the child's, or the link
     *                              exists
     * @throws NoSuchNodeException  when either end does not exist
     */
    void link(String parentId, String childId);

    /**
     * Removes the link {@code parentId} → {@code childId}.
     *
     * @throws InvalidLinkException when there is no such link
     */
    void unlink(String parentId, String childId);

    /** Adds labels to a node; labels it has already are left alone. */
    Node label(String id, String... names);

    /** Removes labels from a node; labels it does not have are left alone. */
    Node unlabel(String id, String... names);

    /** Creates a label, or sets the description of one that exists. */
    Label defineLabel(String name, String description);

    /** Every label known, sorted by name. */
    List<Label> labels();

    /**
     * Deletes a node that has no children.
     *
     * @throws NodeHasChildrenException when it has some; see {@link #delete(String, DeleteMode)}
     */
    default List<String> delete(String id) {
        return delete(id, DeleteMode.REFUSE);
    }

    /**
     * Deletes a node, and with {@link DeleteMode#CASCADE} the nodes below it that would be left without
     * a parent.
     *
     * @return the ids deleted, the node first
     */
    List<String> delete(String id, DeleteMode mode);

    List<Node> children(String id);

    List<Node> parents(String id);

    /** Every node below {@code id}, each once. */
    List<Node> descendants(String id);

    /** Every node above {@code id}, each once. */
    List<Node> ancestors(String id);

    /** Goal nodes and every other node without a parent, sorted by id. */
    List<Node> roots();

    /** Nodes below the Goal layer that have no parent, sorted by id. */
    List<Node> orphans();

    /** Every link, sorted by parent then child. */
    List<Link> links();

    /** Counts of nodes by layer and status; combinations with no node are left out. */
    List<StatusCount> countByLayerAndStatus();

    /**
     * The rolled-up progress of a node: the mean of its children's rolled-up progress, a leaf's own
     * progress; completed counts 100 and cancelled children are left out.
     */
    double rolledUpProgress(String id);

    /** The tree below {@code id}, with rolled-up progress on every node. */
    PlanTree tree(String id);

    /** The trees of every root, with rolled-up progress on every node. */
    List<PlanTree> forest();

    /** The events of one node, oldest first; they outlive the node. */
    List<Event> history(String id);

    /** Up to {@code limit} events of any node after {@code afterSequence}, oldest first. */
    List<Event> events(long afterSequence, int limit);
}
