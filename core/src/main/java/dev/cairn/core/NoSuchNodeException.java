package dev.cairn.core;

/** No node with the asked id exists. */
public class NoSuchNodeException extends CairnException {
    private static final long serialVersionUID = 1L;

    /** @param message the id not found */
    public NoSuchNodeException(String message) {
        super(message);
    }

    /**
     * @param message the id not found
     * @param cause   the driver's error that reported it
     */
    public NoSuchNodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
