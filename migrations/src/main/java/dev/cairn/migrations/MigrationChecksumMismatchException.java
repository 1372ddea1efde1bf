package dev.cairn.migrations;

import java.util.List;

/**
 * An applied migration was changed after it ran: the stored and local checksums differ. Run
 * {@code repair} to accept the local file, or restore the file. Immutable and thread-safe.
 */
public class MigrationChecksumMismatchException extends MigrationValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param problems one line per changed migration, naming both checksums
     */
    public MigrationChecksumMismatchException(List<String> problems) {
        super(problems);
    }
}
