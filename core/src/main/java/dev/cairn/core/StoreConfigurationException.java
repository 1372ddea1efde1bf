package dev.cairn.core;

/** A store cannot be chosen or opened as configured: no provider, two providers, a bad URL or property. */
public class StoreConfigurationException extends CairnException {
    private static final long serialVersionUID = 1L;

    public StoreConfigurationException(String message) {
        super(message);
    }

    public StoreConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
