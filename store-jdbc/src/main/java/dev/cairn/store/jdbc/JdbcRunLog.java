package dev.cairn.store.jdbc;

import dev.cairn.core.run.CommandLease;
import dev.cairn.core.run.CommandRun;
import dev.cairn.core.spi.RunLog;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The runs and leases of one {@link JdbcTransaction}: its checks and its translation of driver failures, around
 * the queries of {@link RunRows}. Not thread-safe: confined to the thread of the transaction's unit of work, and
 * unusable once the work has returned.
 */
final class JdbcRunLog implements RunLog {
    private final JdbcTransaction transaction;
    private final RunRows rows;

    JdbcRunLog(JdbcTransaction transaction, RunRows rows) {
        this.transaction = transaction;
        this.rows = rows;
    }

    @Override
    public boolean acquireLease(CommandLease lease) {
        transaction.checkWritable();
        return transaction.query(() -> rows.acquireLease(lease));
    }

    @Override
    public boolean renewLease(String commandId, String holder, Instant expiresAt) {
        transaction.checkWritable();
        return transaction.query(() -> rows.renewLease(commandId, holder, expiresAt));
    }

    @Override
    public boolean releaseLease(String commandId, String holder) {
        transaction.checkWritable();
        return transaction.query(() -> rows.releaseLease(commandId, holder));
    }

    @Override
    public Optional<CommandLease> lease(String commandId) {
        transaction.checkUsable();
        return transaction.query(() -> rows.lease(commandId));
    }

    @Override
    public int startRun(String commandId, Instant startedAt, String actor) {
        transaction.checkWritable();
        return transaction.query(() -> rows.startRun(commandId, startedAt, actor));
    }

    @Override
    public boolean finishRun(CommandRun run) {
        transaction.checkWritable();
        return transaction.query(() -> rows.finishRun(run));
    }

    @Override
    public List<CommandRun> runs(String commandId, int limit) {
        transaction.checkUsable();
        return transaction.query(() -> rows.runs(commandId, limit));
    }

    @Override
    public Optional<CommandRun> run(String commandId, int number) {
        transaction.checkUsable();
        return transaction.query(() -> rows.run(commandId, number));
    }
}
