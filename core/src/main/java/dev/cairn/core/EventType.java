package dev.cairn.core;

/** What an {@link Event} records. */
public enum EventType {
    /** A node was created. */
    CREATED,
    /** Fields of a node other than its status changed. */
    UPDATED,
    /** A node's status changed. */
    STATUS_CHANGED,
    /** A link to a parent or a child was added. */
    LINKED,
    /** A link was removed. */
    UNLINKED,
    /** Labels were added to a node. */
    LABELLED,
    /** Labels were removed from a node. */
    UNLABELLED,
    /** A node was deleted; its history stays. */
    DELETED
}
