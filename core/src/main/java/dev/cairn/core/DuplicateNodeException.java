package dev.cairn.core;

/** A node with that id exists already. */
public class DuplicateNodeException extends CairnException {
    private static final long serialVersionUID = 1L;

    /** @param message the id that exists already, and where */
    public DuplicateNodeException(String message) {
        super(message);
    }

    /**
     * @param message the id that exists already, and where
     * @param cause   the driver's error that reported it
     */
    public DuplicateNodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
