package dev.cairn.core;

/** A store cannot be chosen or opened as configured: no provider, two providers, a bad URL or property. */
public class StoreConfigurationException extends CairnException {
    private static final long serialVersionUID = 1L;

    /** @param message the setting at fault, what was found and what to do, secrets masked */
    public StoreConfigurationException(String message) {
        super(message);
    }

    /**
     * @param message the setting at fault, what was found and what to do, secrets masked
     * @param cause   the error that led to this one
     */
    public StoreConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
