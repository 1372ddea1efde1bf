package dev.cairn.core.spi;

import dev.cairn.core.run.CommandLease;
import dev.cairn.core.run.CommandRun;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The runs and leases of Command nodes (schema version 2), in one unit of work: the facet
 * {@link StoreTransaction#runLog()} gives in a store that declares {@link StoreCapability#COMMAND_RUNS}. A
 * runner ({@code dev.cairn:cairn-runner}) records through it; a store that keeps no runs has none. Cairn checks
 * that the node exists and is a Command, in the same unit of work, before it calls these.
 *
 * <p>Not thread-safe: it belongs to the transaction that gave it, used by that transaction's thread, and is
 * unusable once the transaction's work has returned. Its changes commit or roll back with the transaction's.
 */
public interface RunLog {
    /**
     * Takes the lease of {@link CommandLease#commandId()} for its holder: stores it when the Command has none,
     * or replaces the one it has when that one expired at or before {@link CommandLease#acquiredAt()}. Of two
     * runners that find the same lease expired, one gets it and the other gets false.
     *
     * @param lease the lease wanted: its Command, holder, acquisition and expiry times
     * @return false, changing nothing, when another lease holds the Command and has not expired
     */
    boolean acquireLease(CommandLease lease);

    /**
     * Moves the expiry of the lease {@code holder} holds on {@code commandId} to {@code expiresAt}.
     *
     * @param commandId the Command node's id
     * @param holder    the runner that holds the lease
     * @param expiresAt the new expiry
     * @return false, changing nothing, when {@code holder} holds no lease on it (it expired and another runner
     *         took it over, or the Command was deleted)
     */
    boolean renewLease(String commandId, String holder, Instant expiresAt);

    /**
     * Deletes the lease {@code holder} holds on {@code commandId}; false when it holds none.
     *
     * @param commandId the Command node's id
     * @param holder    the runner that holds the lease
     * @return whether a lease was deleted
     */
    boolean releaseLease(String commandId, String holder);

    /**
     * The lease on {@code commandId}, expired or not; empty when there is none.
     *
     * @param commandId the Command node's id
     * @return the lease, or empty
     */
    Optional<CommandLease> lease(String commandId);

    /**
     * Records the start of the next run of {@code commandId}: number 1 for its first, else one more than the
     * highest it has, with no end yet. Cairn calls it while holding the Command's lease.
     *
     * @param commandId the Command node's id
     * @param startedAt when the process started
     * @param actor     who runs it, or {@code null}
     * @return the run's number
     */
    int startRun(String commandId, Instant startedAt, String actor);

    /**
     * Records the end of a run started by {@link #startRun}: its end, exit code, timeout, output tail and log
     * path, and one row per artifact check.
     *
     * @param run the ended run, with its number
     * @return false, changing nothing, when the run is not there (its Command was deleted while it ran) or has
     *         ended already
     */
    boolean finishRun(CommandRun run);

    /**
     * Up to {@code limit} (at least 1) runs of {@code commandId}, newest first, artifacts included.
     *
     * @param commandId the Command node's id
     * @param limit     the most runs to return
     * @return the runs
     */
    List<CommandRun> runs(String commandId, int limit);

    /**
     * Run {@code number} of {@code commandId}, artifacts included; empty when there is none.
     *
     * @param commandId the Command node's id
     * @param number    the run's number, 1 for the first
     * @return the run, or empty
     */
    Optional<CommandRun> run(String commandId, int number);
}
