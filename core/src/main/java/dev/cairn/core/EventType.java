package dev.cairn.core;

/** What an {@link Event} records. */
public enum EventType {
    CREATED,
    UPDATED,
    STATUS_CHANGED,
    LINKED,
    UNLINKED,
    LABELLED,
    UNLABELLED,
    DELETED
}
