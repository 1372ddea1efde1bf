package dev.cairn.store.memory;

import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.run.CommandLease;
import dev.cairn.core.run.CommandRun;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The runs and leases of Command nodes in a {@link MemoryState}: the reads, and the changes of one write
 * transaction, each with its inverse recorded in the transaction's {@link UndoLog}, as {@link MemoryWrites}
 * does for nodes. Not thread-safe: used under the state's lock, the write lock for changes.
 */
final class MemoryRuns {
    private final MemoryState state;
    private final UndoLog undo;

    MemoryRuns(MemoryState state, UndoLog undo) {
        this.state = state;
        this.undo = undo;
    }

    static Optional<CommandLease> lease(MemoryState state, String commandId) {
        return Optional.ofNullable(state.leases.get(commandId));
    }

    static List<CommandRun> runs(MemoryState state, String commandId, int limit) {
        NavigableMap<Integer, CommandRun> byNumber = state.runs.get(commandId);
        return byNumber == null ? List.of() : byNumber.descendingMap().values().stream().limit(limit).toList();
    }

    static Optional<CommandRun> run(MemoryState state, String commandId, int number) {
        NavigableMap<Integer, CommandRun> byNumber = state.runs.get(commandId);
        return Optional.ofNullable(byNumber == null ? null : byNumber.get(number));
    }

    boolean acquireLease(CommandLease lease) {
        requireNode(lease.commandId());
        CommandLease current = state.leases.get(lease.commandId());
        if (current != null && !current.expiredAt(lease.acquiredAt())) {
            return false;
        }
        putLease(lease);
        return true;
    }

    boolean renewLease(String commandId, String holder, Instant expiresAt) {
        CommandLease current = state.leases.get(commandId);
        if (current == null || !current.holder().equals(holder)) {
            return false;
        }
        putLease(new CommandLease(commandId, holder, current.acquiredAt(), expiresAt));
        return true;
    }

    boolean releaseLease(String commandId, String holder) {
        CommandLease current = state.leases.get(commandId);
        if (current == null || !current.holder().equals(holder)) {
            return false;
        }
        state.leases.remove(commandId);
        undo.record(() -> state.leases.put(commandId, current));
        return true;
    }

    int startRun(String commandId, Instant startedAt, String actor) {
        requireNode(commandId);
        NavigableMap<Integer, CommandRun> byNumber = state.runs.get(commandId);
        int number = byNumber == null ? 1 : byNumber.lastKey() + 1;
        putRun(CommandRun.started(commandId, number, startedAt, actor));
        return number;
    }

    /** Ends the stored run with what {@code run} found; its start and actor stay as they were recorded. */
    boolean finishRun(CommandRun run) {
        CommandRun current = run(state, run.commandId(), run.number()).orElse(null);
        if (current == null || current.ended()) {
            return false;
        }
        putRun(current.end(run.endedAt(), run.exitCode(), run.timedOut(), run.outputTail(), run.logPath(),
                run.artifacts()));
        return true;
    }

    /**
     * Deletes the runs and the lease of a node being deleted: a node made again under its id starts with
     * none, and a runner still at work finds its run gone.
     */
    void deleteAllOf(String nodeId) {
        NavigableMap<Integer, CommandRun> removedRuns = state.runs.remove(nodeId);
        if (removedRuns != null) {
            undo.record(() -> state.runs.put(nodeId, removedRuns));
        }
        CommandLease removedLease = state.leases.remove(nodeId);
        if (removedLease != null) {
            undo.record(() -> state.leases.put(nodeId, removedLease));
        }
    }

    private void putLease(CommandLease lease) {
        String commandId = lease.commandId();
        CommandLease previous = state.leases.put(commandId, lease);
        undo.record(previous == null
                ? () -> state.leases.remove(commandId)
                : () -> state.leases.put(commandId, previous));
    }

    private void putRun(CommandRun run) {
        String commandId = run.commandId();
        int number = run.number();
        CommandRun previous = state.runs.computeIfAbsent(commandId, key -> new TreeMap<>()).put(number, run);
        undo.record(previous == null
                ? () -> removeRun(commandId, number)
                : () -> state.runs.get(commandId).put(number, previous));
    }

    /** Removes a run, dropping its command's map once empty, so that the next run is number 1 again. */
    private void removeRun(String commandId, int number) {
        NavigableMap<Integer, CommandRun> byNumber = state.runs.get(commandId);
        byNumber.remove(number);
        if (byNumber.isEmpty()) {
            state.runs.remove(commandId);
        }
    }

    /** A run or lease needs its node, as the SQL stores' foreign keys say; Cairn checks it first. */
    private void requireNode(String id) {
        if (!state.nodes.containsKey(id)) {
            throw new NoSuchNodeException("Node " + id + " does not exist: a run or lease needs its Command node");
        }
    }
}
