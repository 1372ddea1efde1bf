package dev.cairn.core;

/**
 * Nodes and links being written by {@link PlanGraph#batch}: each is checked when it is added and written
 * with the next chunk, in the transaction of the batch.
 *
 * <p>A link's ends, a draft's parents and a command's {@code acRef} must exist in the store or have been
 * added earlier in the batch. What needs the store to check it (a duplicate id, a missing end, an
 * {@code acRef} naming nothing) fails at the latest when the batch returns, and the whole batch with it.
 *
 * <p>Not thread-safe: used by the thread running the batch, and only until its work returns.
 */
public interface Batch {
    /**
     * Adds a node, with its labels, its command spec and links to the draft's parents, as
     * {@link PlanGraph#create} would.
     *
     * @return the node's id, generated when the draft has none
     * @throws ValidationException    naming every field that breaks a rule
     * @throws DuplicateNodeException when the id was added earlier in the batch (one in the store is found
     *                                later)
     * @throws InvalidLinkException   when a parent's layer does not come before the node's
     */
    String add(NodeDraft draft);

    /**
     * Links {@code parentId} → {@code childId}, as {@link PlanGraph#link} would.
     *
     * @throws InvalidLinkException when the parent's layer does not come before the child's, or the link was
     *                              added earlier in the batch (one in the store is found later)
     * @throws NoSuchNodeException  when an id is not a node id at all
     */
    void link(String parentId, String childId);
}
