package dev.cairn.store.memory;

import dev.cairn.core.run.CommandLease;
import dev.cairn.core.run.CommandRun;
import dev.cairn.core.spi.RunLog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The runs and leases of one {@link MemoryTransaction}: its checks, then {@link MemoryRuns}. Not thread-safe:
 * confined to the transaction's thread, and unusable once the transaction has ended.
 */
final class MemoryRunLog implements RunLog {
    private final MemoryTransaction transaction;
    private final MemoryState state;
    private final MemoryWrites writes;

    /** {@code writes} is null for a read transaction, whose changes {@link MemoryTransaction#checkWritable} refuses. */
    MemoryRunLog(MemoryTransaction transaction, MemoryState state, MemoryWrites writes) {
        this.transaction = transaction;
        this.state = state;
        this.writes = writes;
    }

    @Override
    public boolean acquireLease(CommandLease lease) {
        transaction.checkWritable();
        return writes.runs().acquireLease(lease);
    }

    @Override
    public boolean renewLease(String commandId, String holder, Instant expiresAt) {
        transaction.checkWritable();
        return writes.runs().renewLease(commandId, holder, expiresAt);
    }

    @Override
    public boolean releaseLease(String commandId, String holder) {
        transaction.checkWritable();
        return writes.runs().releaseLease(commandId, holder);
    }

    @Override
    public Optional<CommandLease> lease(String commandId) {
        transaction.checkUsable();
        return MemoryRuns.lease(state, commandId);
    }

    @Override
    public int startRun(String commandId, Instant startedAt, String actor) {
        transaction.checkWritable();
        return writes.runs().startRun(commandId, startedAt, actor);
    }

    @Override
    public boolean finishRun(CommandRun run) {
        transaction.checkWritable();
        return writes.runs().finishRun(run);
    }

    @Override
    public List<CommandRun> runs(String commandId, int limit) {
        transaction.checkUsable();
        return MemoryRuns.runs(state, commandId, limit);
    }

    @Override
    public Optional<CommandRun> run(String commandId, int number) {
        transaction.checkUsable();
        return MemoryRuns.run(state, commandId, number);
    }
}
