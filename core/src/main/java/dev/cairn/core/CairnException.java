package dev.cairn.core;

/**
 * The root of every exception Cairn throws. Unchecked; each subtype is named by the failure, and every
 * store throws the same subtype for the same mistake.
 */
public abstract class CairnException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception that says what failed, what was found and what to do.
     *
     * @param message the text for the caller, secrets masked
     */
    protected CairnException(String message) {
        super(message);
    }

    /**
     * An exception caused by another, such as a driver's.
     *
     * @param message the text for the caller, secrets masked
     * @param cause   the error that led to this one
     */
    protected CairnException(String message, Throwable cause) {
        super(message, cause);
    }
}
