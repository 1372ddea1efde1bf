package dev.cairn.runner;

import dev.cairn.core.Status;
import dev.cairn.core.run.CommandLease;
import dev.cairn.core.run.CommandRun;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one Command a runner was asked to run. Immutable and thread-safe.
 *
 * @param commandId    the Command node
 * @param run          the run recorded; {@code null} when it did not run (another runner held it)
 * @param statusBefore its status when the run ended (or was refused)
 * @param statusAfter  its status after the runner moved it; equal to {@code statusBefore} when it was not moved
 * @param heldBy       the lease of the runner that was running it, when that kept this one from running it
 * @param note         what else there is to say, such as why it did not run or why the status stayed; empty when
 *                     nothing
 */
public record RunOutcome(String commandId, CommandRun run, Status statusBefore, Status statusAfter,
        CommandLease heldBy, String note) {
    /**
     * Requires the id; a {@code null} note becomes empty.
     *
     * @param commandId    the Command node
     * @param run          the run recorded; {@code null} when it did not run
     * @param statusBefore its status when the run ended (or was refused)
     * @param statusAfter  its status after the runner moved it
     * @param heldBy       the lease of the runner that kept this one from running it, or {@code null}
     * @param note         what else there is to say; {@code null} or empty when nothing
     */
    public RunOutcome {
        Objects.requireNonNull(commandId, "commandId");
        note = note == null ? "" : note;
    }

    /**
     * The run, when there was one.
     *
     * @return the recorded run, or empty when it did not run
     */
    public Optional<CommandRun> recorded() {
        return Optional.ofNullable(run);
    }

    /**
     * Whether another runner was running it, so that this one did not.
     *
     * @return true when another runner's lease kept it from running
     */
    public boolean busy() {
        return heldBy != null;
    }

    /**
     * Whether it ran and passed: exit code 0, in time, every declared artifact present.
     *
     * @return true when it ran and passed
     */
    public boolean passed() {
        return run != null && run.passed();
    }
}
