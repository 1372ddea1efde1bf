package dev.cairn.core;

/** A status change the transition table does not allow. */
public class InvalidTransitionException extends CairnException {
    private static final long serialVersionUID = 1L;

    public InvalidTransitionException(String message) {
        super(message);
    }

    public InvalidTransitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
