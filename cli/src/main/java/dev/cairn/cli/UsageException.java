package dev.cairn.cli;

/** The command was called in a way that cannot work; {@link CliCommand} turns it into exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
