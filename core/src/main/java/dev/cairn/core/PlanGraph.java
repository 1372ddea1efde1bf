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
     * @param draft the node to create, with its labels and parents
     * @return the node as stored
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
     * @param work adds the nodes and links to the batch it is given
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
     * @param id a node's id
     * @return the node
     * @throws NoSuchNodeException when there is none
     */
    Node get(String id);

    /**
     * The node with {@code id}, if there is one.
     *
     * @param id a node's id
     * @return the node, or empty
     */
    Optional<Node> findById(String id);

    /**
     * The nodes matching {@code query}, sorted and paged as it says.
     *
     * @param query what to look for
     * @return the nodes found
     */
    List<Node> find(NodeQuery query);

    /**
     * How many nodes match {@code query}, ignoring its page.
     *
     * @param query what to look for
     * @return the number of nodes found
     */
    long count(NodeQuery query);

    /**
     * Applies a partial update: fields the patch does not name are left alone. A status named goes
     * through the transition rules.
     *
     * @param id    the node's id
     * @param patch the fields to set or clear
     * @return the node as updated
     * @throws VersionConflictException when the patch expects a version the node has moved on from
     */
    Node update(String id, NodePatch patch);

    /**
     * Moves a node to {@code status} if the transition table allows it; entering in_progress the
     * first time stamps {@code startedAt}, completing stamps {@code completedAt} and sets progress to 100.
     * A change to the status the node has already is no change.
     *
     * @param id     the node's id
     * @param status the status to move to
     * @return the node as updated
     * @throws InvalidTransitionException when the table does not allow it
     */
    Node setStatus(String id, Status status);

    /**
     * Moves a completed node back to in_progress, clearing its completion date.
     *
     * @param id the node's id
     * @return the node as updated
     * @throws InvalidTransitionException when the node is not completed
     */
    Node reopen(String id);

    /**
     * Sets a node's own progress, 0 to 100.
     *
     * @param id       the node's id
     * @param progress 0 to 100
     * @return the node as updated
     */
    Node setProgress(String id, int progress);

    /**
     * Links {@code parentId} → {@code childId}.
     *
     * @param parentId the id of the parent node
     * @param childId  the id of the child node
     * @throws InvalidLinkException when the parent's layer does not come before the child's, or the link
     *                              exists
     * @throws NoSuchNodeException  when either end does not exist
     */
    void link(String parentId, String childId);

    /**
     * Removes the link {@code parentId} → {@code childId}.
     *
     * @param parentId the id of the parent node
     * @param childId  the id of the child node
     * @throws InvalidLinkException when there is no such link
     */
    void unlink(String parentId, String childId);

    /**
     * Adds labels to a node; labels it has already are left alone.
     *
     * @param id    the node's id
     * @param names label names
     * @return the node as updated
     */
    Node label(String id, String... names);

    /**
     * Removes labels from a node; labels it does not have are left alone.
     *
     * @param id    the node's id
     * @param names label names
     * @return the node as updated
     */
    Node unlabel(String id, String... names);

    /**
     * Creates a label, or sets the description of one that exists.
     *
     * @param name        the label's name
     * @param description free text, or {@code null}
     * @return the label as it now stands
     */
    Label defineLabel(String name, String description);

    /** {@return every label known, sorted by name} */
    List<Label> labels();

    /**
     * Deletes a node that has no children.
     *
     * @param id the node's id
     * @return a list holding the id deleted
     * @throws NodeHasChildrenException when it has some; see {@link #delete(String, DeleteMode)}
     */
    default List<String> delete(String id) {
        return delete(id, DeleteMode.REFUSE);
    }

    /**
     * Deletes a node, and with {@link DeleteMode#CASCADE} the nodes below it that would be left without
     * a parent.
     *
     * @param id   the node's id
     * @param mode whether to delete the nodes left without a parent too
     * @return the ids deleted, the node first
     */
    List<String> delete(String id, DeleteMode mode);

    /**
     * The nodes directly below a node.
     *
     * @param id the node's id
     * @return its children
     */
    List<Node> children(String id);

    /**
     * The nodes directly above a node.
     *
     * @param id the node's id
     * @return its parents
     */
    List<Node> parents(String id);

    /**
     * Every node below {@code id}, each once.
     *
     * @param id the node's id
     * @return its descendants
     */
    List<Node> descendants(String id);

    /**
     * Every node above {@code id}, each once.
     *
     * @param id the node's id
     * @return its ancestors
     */
    List<Node> ancestors(String id);

    /** {@return goal nodes and every other node without a parent, sorted by id} */
    List<Node> roots();

    /** {@return nodes below the Goal layer that have no parent, sorted by id} */
    List<Node> orphans();

    /** {@return every link, sorted by parent then child} */
    List<Link> links();

    /** {@return counts of nodes by layer and status; combinations with no node are left out} */
    List<StatusCount> countByLayerAndStatus();

    /**
     * The rolled-up progress of a node: the mean of its children's rolled-up progress, a leaf's own
     * progress; completed counts 100 and cancelled children are left out.
     *
     * @param id the node's id
     * @return the rolled-up progress, 0 to 100
     */
    double rolledUpProgress(String id);

    /**
     * The tree below {@code id}, with rolled-up progress on every node.
     *
     * @param id the id of the node at the root
     * @return the tree
     */
    PlanTree tree(String id);

    /** {@return the trees of every root, with rolled-up progress on every node} */
    List<PlanTree> forest();

    /**
     * The events of one node, oldest first; they outlive the node.
     *
     * @param id the node's id
     * @return its events
     */
    List<Event> history(String id);

    /**
     * Up to {@code limit} events of any node after {@code afterSequence}, oldest first.
     *
     * @param afterSequence the sequence number of the last event seen; 0 for the first
     * @param limit         the most events to return
     * @return the events
     */
    List<Event> events(long afterSequence, int limit);
}
