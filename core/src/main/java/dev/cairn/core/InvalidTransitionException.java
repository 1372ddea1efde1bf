package dev.cairn.core;

/** A status change the transition table does not allow. */
public class InvalidTransitionException extends CairnException {
    private static final long serialVersionUID = 1L;

    /** @param message the node, its status and the one it may not move to */
    public InvalidTransitionException(String message) {
        super(message);
    }

    /**
     * @param message the node, its status and the one it may not move to
     * @param cause   the error that led to this one
     */
    public InvalidTransitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
