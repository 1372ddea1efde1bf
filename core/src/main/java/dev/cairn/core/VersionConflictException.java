package dev.cairn.core;

/** An update named the version it expected, and the node has moved on since. */
public class VersionConflictException extends CairnException {
    private static final long serialVersionUID = 1L;

    /** @param message the node, the version expected and the one found */
    public VersionConflictException(String message) {
        super(message);
    }

    /**
     * @param message the node, the version expected and the one found
     * @param cause   the driver's error that reported it
     */
    public VersionConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
