package dev.cairn.migrations;

import java.util.List;

/** Local migrations and the history table disagree; {@link #problems()} lists every disagreement.
 * Immutable and thread-safe. */
public class MigrationValidationException extends MigrationException {
    private static final long serialVersionUID = 1L;

    /** Each problem in words. */
    private final transient List<String> problems;

    /**
     * Creates the exception; the message lists every problem.
     *
     * @param problems each problem in words, naming the module, version and file
     */
    public MigrationValidationException(List<String> problems) {
        super("Validation failed:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Each disagreement found.
     *
     * @return each problem in words, naming the module, version and file
     */
    public List<String> problems() {
        return problems;
    }
}
