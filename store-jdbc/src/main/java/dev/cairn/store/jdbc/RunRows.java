package dev.cairn.store.jdbc;

import static dev.cairn.store.jdbc.Schema.ARTIFACTS;
import static dev.cairn.store.jdbc.Schema.ARTIFACT_NODE;
import static dev.cairn.store.jdbc.Schema.ARTIFACT_PATH;
import static dev.cairn.store.jdbc.Schema.ARTIFACT_PRESENT;
import static dev.cairn.store.jdbc.Schema.ARTIFACT_RUN;
import static dev.cairn.store.jdbc.Schema.ARTIFACT_SHA256;
import static dev.cairn.store.jdbc.Schema.ARTIFACT_SIZE;
import static dev.cairn.store.jdbc.Schema.LEASES;
import static dev.cairn.store.jdbc.Schema.LEASE_ACQUIRED_AT;
import static dev.cairn.store.jdbc.Schema.LEASE_EXPIRES_AT;
import static dev.cairn.store.jdbc.Schema.LEASE_HOLDER;
import static dev.cairn.store.jdbc.Schema.LEASE_NODE;
import static dev.cairn.store.jdbc.Schema.RUNS;
import static dev.cairn.store.jdbc.Schema.RUN_ACTOR;
import static dev.cairn.store.jdbc.Schema.RUN_ENDED_AT;
import static dev.cairn.store.jdbc.Schema.RUN_EXIT_CODE;
import static dev.cairn.store.jdbc.Schema.RUN_LOG_PATH;
import static dev.cairn.store.jdbc.Schema.RUN_NODE;
import static dev.cairn.store.jdbc.Schema.RUN_NUMBER;
import static dev.cairn.store.jdbc.Schema.RUN_OUTPUT_TAIL;
import static dev.cairn.store.jdbc.Schema.RUN_STARTED_AT;
import static dev.cairn.store.jdbc.Schema.RUN_TIMED_OUT;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.val;

import dev.cairn.core.run.ArtifactCheck;
import dev.cairn.core.run.CommandLease;
import dev.cairn.core.run.CommandRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.BatchBindStep;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.Record;
import org.jooq.Result;

/**
 * Command runs, what they found at their artifact paths, and the leases that keep a Command from running twice
 * at once (schema version 2), as jOOQ queries in one unit of work; {@link JdbcRunLog} checks that the
 * unit of work is usable and translates failures. The protocol is the one the {@code V2__command_runs.sql}
 * migrations describe.
 *
 * <p>Made for one {@link JdbcRunLog}, on the thread of its unit of work; not thread-safe.
 */
final class RunRows {
    private static final List<Field<?>> RUN_COLUMNS = List.of(RUN_NODE, RUN_NUMBER, RUN_STARTED_AT, RUN_ENDED_AT,
            RUN_EXIT_CODE, RUN_TIMED_OUT, RUN_OUTPUT_TAIL, RUN_LOG_PATH, RUN_ACTOR);

    private final DSLContext sql;
    private final JdbcDialect dialect;

    RunRows(DSLContext sql, JdbcDialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
    }

    // ----------------------------------------------------------------------------------------------
    // Leases

    /**
     * Inserts the lease where the Command has none; where it has one, takes it over in one statement only if
     * it expired, so that of two runners who found it expired one updates the row and the other none.
     */
    boolean acquireLease(CommandLease lease) {
        Long acquiredAt = NodeRows.millis(lease.acquiredAt());
        Long expiresAt = NodeRows.millis(lease.expiresAt());
        // Portable "insert if missing", as for labels: writers to one store are serial on every backend, and
        // where a failed statement aborts the transaction, a key already taken must not fail it.
        InsertOnDuplicateStep<Record> insert = sql.insertInto(LEASES, LEASE_NODE, LEASE_HOLDER, LEASE_ACQUIRED_AT,
                        LEASE_EXPIRES_AT)
                .select(select(val(lease.commandId()), val(lease.holder()), val(acquiredAt), val(expiresAt))
                        .whereNotExists(selectOne().from(LEASES).where(LEASE_NODE.eq(lease.commandId()))));
        int inserted = dialect.failureAbortsTransaction() ? insert.onConflictDoNothing().execute() : insert.execute();
        if (inserted > 0) {
            return true;
        }
        return sql.update(LEASES)
                .set(LEASE_HOLDER, lease.holder())
                .set(LEASE_ACQUIRED_AT, acquiredAt)
                .set(LEASE_EXPIRES_AT, expiresAt)
                .where(LEASE_NODE.eq(lease.commandId()).and(LEASE_EXPIRES_AT.le(acquiredAt)))
                .execute() > 0;
    }

    boolean renewLease(String commandId, String holder, Instant expiresAt) {
        return sql.update(LEASES).set(LEASE_EXPIRES_AT, NodeRows.millis(expiresAt))
                .where(LEASE_NODE.eq(commandId).and(LEASE_HOLDER.eq(holder)))
                .execute() > 0;
    }

    boolean releaseLease(String commandId, String holder) {
        return sql.deleteFrom(LEASES).where(LEASE_NODE.eq(commandId).and(LEASE_HOLDER.eq(holder))).execute() > 0;
    }

    Optional<CommandLease> lease(String commandId) {
        return sql.select(LEASE_NODE, LEASE_HOLDER, LEASE_ACQUIRED_AT, LEASE_EXPIRES_AT).from(LEASES)
                .where(LEASE_NODE.eq(commandId))
                .fetchOptional(row -> new CommandLease(row.value1(), row.value2(), NodeRows.instant(row.value3()),
                        NodeRows.instant(row.value4())));
    }

    // ----------------------------------------------------------------------------------------------
    // Runs

    /**
     * Takes the highest number plus one. No other writer can take the same number meanwhile: writes to one
     * store are serial on every backend (see {@link JdbcDialect}), and the caller holds the Command's lease.
     */
    int startRun(String commandId, Instant startedAt, String actor) {
        Integer highest = sql.select(max(RUN_NUMBER)).from(RUNS).where(RUN_NODE.eq(commandId))
                .fetchOne(0, Integer.class);
        int number = highest == null ? 1 : highest + 1;
        sql.insertInto(RUNS, RUN_NODE, RUN_NUMBER, RUN_STARTED_AT, RUN_ACTOR)
                .values(commandId, number, NodeRows.millis(startedAt), actor)
                .execute();
        return number;
    }

    /** Completes the run's row only while it has no end, then adds its artifact checks in one batch. */
    boolean finishRun(CommandRun run) {
        int ended = sql.update(RUNS)
                .set(RUN_ENDED_AT, NodeRows.millis(run.endedAt()))
                .set(RUN_EXIT_CODE, run.exitCode())
                .set(RUN_TIMED_OUT, run.timedOut())
                .set(RUN_OUTPUT_TAIL, run.outputTail())
                .set(RUN_LOG_PATH, run.logPath())
                .where(RUN_NODE.eq(run.commandId()).and(RUN_NUMBER.eq(run.number())).and(RUN_ENDED_AT.isNull()))
                .execute();
        if (ended == 0) {
            return false;
        }
        if (!run.artifacts().isEmpty()) {
            BatchBindStep batch = sql.batch(sql.insertInto(ARTIFACTS, ARTIFACT_NODE, ARTIFACT_RUN, ARTIFACT_PATH,
                            ARTIFACT_PRESENT, ARTIFACT_SIZE, ARTIFACT_SHA256)
                    .values((String) null, null, null, null, null, null));
            for (ArtifactCheck check : run.artifacts()) {
                batch = batch.bind(run.commandId(), run.number(), check.path(), check.present(), check.sizeBytes(),
                        check.sha256());
            }
            batch.execute();
        }
        return true;
    }

    List<CommandRun> runs(String commandId, int limit) {
        // Ordered by node_id too, so that H2 reads the primary key backwards instead of sorting (V2 migration).
        Result<Record> rows = sql.select(RUN_COLUMNS).from(RUNS).where(RUN_NODE.eq(commandId))
                .orderBy(RUN_NODE.desc(), RUN_NUMBER.desc())
                .limit(Math.max(1, limit))
                .fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        // The page holds the newest runs, so every run numbered from its oldest on.
        int oldest = rows.get(rows.size() - 1).get(RUN_NUMBER);
        Map<Integer, List<ArtifactCheck>> artifacts =
                artifacts(ARTIFACT_NODE.eq(commandId).and(ARTIFACT_RUN.ge(oldest)));
        List<CommandRun> runs = new ArrayList<>(rows.size());
        for (Record row : rows) {
            runs.add(run(row, artifacts.getOrDefault(row.get(RUN_NUMBER), List.of())));
        }
        return runs;
    }

    Optional<CommandRun> run(String commandId, int number) {
        return sql.select(RUN_COLUMNS).from(RUNS).where(RUN_NODE.eq(commandId).and(RUN_NUMBER.eq(number)))
                .fetchOptional()
                .map(row -> run(row, artifacts(ARTIFACT_NODE.eq(commandId).and(ARTIFACT_RUN.eq(number)))
                        .getOrDefault(number, List.of())));
    }

    /** The artifact checks {@code where} selects, by run number, each run's sorted by path as a run keeps them. */
    private Map<Integer, List<ArtifactCheck>> artifacts(Condition where) {
        Map<Integer, List<ArtifactCheck>> checks = new HashMap<>();
        sql.select(ARTIFACT_RUN, ARTIFACT_PATH, ARTIFACT_PRESENT, ARTIFACT_SIZE, ARTIFACT_SHA256).from(ARTIFACTS)
                .where(where)
                .orderBy(ARTIFACT_RUN, ARTIFACT_PATH)
                .fetch()
                .forEach(row -> checks.computeIfAbsent(row.value1(), number -> new ArrayList<>())
                        .add(new ArtifactCheck(row.value2(), row.value3(), row.value4(), row.value5())));
        return checks;
    }

    private static CommandRun run(Record row, List<ArtifactCheck> artifacts) {
        return new CommandRun(row.get(RUN_NODE), row.get(RUN_NUMBER), NodeRows.instant(row.get(RUN_STARTED_AT)),
                NodeRows.instant(row.get(RUN_ENDED_AT)), row.get(RUN_EXIT_CODE), row.get(RUN_TIMED_OUT),
                row.get(RUN_OUTPUT_TAIL), row.get(RUN_LOG_PATH), row.get(RUN_ACTOR), artifacts);
    }
}
