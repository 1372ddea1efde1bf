package dev.cairn.core;

/** The store failed for a reason outside the model: the database, the disk, the connection. */
public class StoreException extends CairnException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
