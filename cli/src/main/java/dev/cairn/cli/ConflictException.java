package dev.cairn.cli;

/**
 * A command refuses because of what it found, not because of how it was called: the demo finds a store that
 * holds someone's plan, a copy finds the target holding the source's nodes. Exit code 4.
 */
final class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConflictException(String message) {
        super(message);
    }

    ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
