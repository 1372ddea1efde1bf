package dev.cairn.core;

/** A node with children cannot be deleted without asking to cascade or to detach. */
public class NodeHasChildrenException extends CairnException {
    private static final long serialVersionUID = 1L;

    public NodeHasChildrenException(String message) {
        super(message);
    }

    public NodeHasChildrenException(String message, Throwable cause) {
        super(message, cause);
    }
}
