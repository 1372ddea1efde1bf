package dev.cairn.cli;

/** The exit codes of {@code cairn}, documented in its help and the README. */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int USAGE = 2;
    static final int NOT_FOUND = 3;
    static final int CONFLICT = 4;

    private ExitCodes() {
    }
}
