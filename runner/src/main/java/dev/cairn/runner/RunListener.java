package dev.cairn.runner;

/**
 * Hears a runner's progress through the Commands it was asked to run, for a command line to show. Called on
 * the runner's thread; a listener that throws stops the runner after the run it reported.
 */
public interface RunListener {
    /**
     * Run {@code number} of {@code plan}'s Command is about to start.
     *
     * @param plan   what is about to run
     * @param number the number the run will be recorded under
     */
    default void starting(PlannedRun plan, int number) {
    }

    /**
     * A Command has run (or was refused); its outcome is recorded.
     *
     * @param outcome what became of it
     */
    default void finished(RunOutcome outcome) {
    }
}
