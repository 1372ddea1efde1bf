package dev.cairn.core;

/** A node with that id exists already. */
public class DuplicateNodeException extends CairnException {
    private static final long serialVersionUID = 1L;

    public DuplicateNodeException(String message) {
        super(message);
    }

    public DuplicateNodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
