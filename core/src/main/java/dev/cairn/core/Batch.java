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
     * @param draft the node to add, as {@link PlanGraph#create} takes it
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
     * @param parentId the id of the parent node, in the store or added earlier in the batch
     * @param childId  the id of the child node, in the store or added earlier in the batch
     * @throws InvalidLinkException when the parent's layer does not come before the child's, or the link was
     *                              added earlier in the batch (one in the store is found later)
     * @throws NoSuchNodeException  when an id is not a node id at all
     */
    void link(String parentId, String childId);

    /**
     * Adds a node exactly as given, for an import or a copy that restores what a store held: its status,
     * progress, dates, timestamps and version are kept. It passes the checks {@link #add} makes, links
     * nothing (call {@link #link}) and records no event: bring the node's history with {@link #record}.
     *
     * @param node a node as a store held it, every field kept
     * @throws ValidationException    naming every field that breaks a rule
     * @throws DuplicateNodeException when the id was added earlier in the batch (one in the store is found
     *                                later)
     */
    void restore(Node node);

    /**
     * Adds a link as {@link #link} does, for an import or a copy that restores what a store held: it records
     * no event, since the restored history has the link's own.
     *
     * @param link a link as a store held it
     */
    void restore(Link link);

    /**
     * Appends an event as it was (its node, type, time, actor and details), for an import or a copy that
     * carries a history. The store gives it a new sequence number, after those recorded before it.
     *
     * @param event an event as a store recorded it; its sequence number is not kept
     */
    void record(Event event);

    /**
     * Creates a label, or sets the description of one that exists, as {@link PlanGraph#defineLabel} does.
     *
     * @param name        the label's name
     * @param description free text, or {@code null}
     * @return the label as it now stands
     */
    Label defineLabel(String name, String description);

    /**
     * Makes the stored node with {@code wanted}'s id hold {@code wanted}'s fields, for an import that updates
     * what exists: its creation time stays, its version and update time move on, and an event records the
     * fields that changed. Nothing is written when no field differs. The status is set as given, without the
     * transition rules, since the file states what the node is, not a step of work.
     *
     * @param wanted the node as the import brings it, with the id of a stored node
     * @return the node as stored afterwards
     * @throws NoSuchNodeException when there is no such node in the store
     * @throws ValidationException naming every field that breaks a rule
     */
    Node replace(Node wanted);

    /**
     * Removes the link from {@code parentId} to {@code childId}, which the store holds, recording an
     * {@link EventType#UNLINKED} event, as {@link PlanGraph#unlink} does; for an import that makes the stored
     * links of its nodes those of its files.
     *
     * @param parentId the id of the parent node
     * @param childId  the id of the child node
     * @throws InvalidLinkException when the store holds no such link
     */
    void unlink(String parentId, String childId);
}
