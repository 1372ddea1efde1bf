package dev.cairn.core;

/** What deleting a node does to its children. */
public enum DeleteMode {
    /** Refuse, with {@link NodeHasChildrenException}, when the node has children. */
    REFUSE,
    /**
     * Delete the node and, below it, every node that would be left without a parent; a node that keeps
     * another parent stays.
     */
    CASCADE,
    /** Delete the node and its links; its children stay, without this parent. */
    DETACH
}
