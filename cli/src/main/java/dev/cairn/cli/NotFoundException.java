package dev.cairn.cli;

/**
 * Something asked for by more than a node's id is not there, such as a run number a Command never reached; its
 * message says what to do. Exit code 3, as a missing node.
 */
final class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotFoundException(String message) {
        super(message);
    }
}
