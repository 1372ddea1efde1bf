package dev.cairn.core;

/** No node with the asked id exists. */
public class NoSuchNodeException extends CairnException {
    private static final long serialVersionUID = 1L;

    public NoSuchNodeException(String message) {
        super(message);
    }

    public NoSuchNodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
