package dev.cairn.core;

/** An update named the version it expected, and the node has moved on since. */
public class VersionConflictException extends CairnException {
    private static final long serialVersionUID = 1L;

    public VersionConflictException(String message) {
        super(message);
    }

    public VersionConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
