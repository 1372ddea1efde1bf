package dev.cairn.core;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The file a store URL names does not exist, and the configuration does not make one
 * ({@link CairnConfig#createIfMissing()} is false); nothing was made.
 */
public class NoSuchStoreException extends StoreConfigurationException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /**
     * @param file      the absolute path of the database file that is missing
     * @param maskedUrl the store's URL, password masked
     */
    public NoSuchStoreException(Path file, String maskedUrl) {
        super("No store at " + file + " (url=" + maskedUrl + "): the file does not exist, and this configuration "
                + "does not create one.");
        this.file = Objects.requireNonNull(file, "file");
    }

    /** {@return the absolute path of the database file that is missing} */
    public Path file() {
        return file;
    }
}
