package dev.cairn.core;

/** A node with children cannot be deleted without asking to cascade or to detach. */
public class NodeHasChildrenException extends CairnException {
    private static final long serialVersionUID = 1L;

    /** @param message the node and the children it has */
    public NodeHasChildrenException(String message) {
        super(message);
    }

    /**
     * @param message the node and the children it has
     * @param cause   the driver's error that reported it
     */
    public NodeHasChildrenException(String message, Throwable cause) {
        super(message, cause);
    }
}
