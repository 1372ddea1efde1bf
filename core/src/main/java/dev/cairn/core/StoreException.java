package dev.cairn.core;

/** The store failed for a reason outside the model: the database, the disk, the connection. */
public class StoreException extends CairnException {
    private static final long serialVersionUID = 1L;

    /** @param message what the store failed to do, secrets masked */
    public StoreException(String message) {
        super(message);
    }

    /**
     * @param message what the store failed to do, secrets masked
     * @param cause   the driver's error
     */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
