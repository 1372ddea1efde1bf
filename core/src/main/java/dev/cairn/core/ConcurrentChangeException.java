package dev.cairn.core;

/**
 * A concurrent transaction changed what this one was changing, and the database undid this one to keep both
 * correct (a deadlock broken, a node deleted underneath). Nothing of it was kept. Cairn's single operations
 * try again by themselves; work in {@link Cairn#inTransaction} gets this exception and may run again.
 */
public class ConcurrentChangeException extends VersionConflictException {
    private static final long serialVersionUID = 1L;

    /** @param message what changed under the caller, and what to do */
    public ConcurrentChangeException(String message) {
        super(message);
    }

    /**
     * @param message what changed under the caller, and what to do
     * @param cause   the driver's error that reported it
     */
    public ConcurrentChangeException(String message, Throwable cause) {
        super(message, cause);
    }
}
