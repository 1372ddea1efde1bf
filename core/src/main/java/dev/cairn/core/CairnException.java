package dev.cairn.core;

/**
 * The root of every exception Cairn throws. Unchecked; each subtype is named by the failure, and every
 * store throws the same subtype for the same mistake.
 */
public abstract class CairnException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected CairnException(String message) {
        super(message);
    }

    protected CairnException(String message, Throwable cause) {
        super(message, cause);
    }
}
