package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.ExecutedMigration;
import dev.cairn.migrations.MigrateResult;
import dev.cairn.migrations.MigrationCallback;
import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.MigrationDatabaseException;
import dev.cairn.migrations.MigrationInfo;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationValidationException;
import dev.cairn.migrations.MigrationVersion;
import dev.cairn.migrations.RepairResult;
import dev.cairn.migrations.UndoResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The operations behind {@link dev.cairn.migrations.Migrator}. Immutable and thread-safe. */
public final class MigrationEngine {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationEngine.class);
    private final MigratorConfig config;

    public MigrationEngine(MigratorConfig config) {
        this.config = config;
    }

    public MigrateResult migrate() {
        long start = System.nanoTime();
        try (Session session = Session.open(config, true)) {
            return run(session, () -> {
                if (session.rows().isEmpty()) {
                    refuseFlywayManaged(session);
                }
                Plan plan = session.plan();
                if (session.clearRetryable(plan)) {
                    plan = session.plan();
                }
                plan.throwIfInvalid();
                List<ResolvedMigration> pending = plan.pending();
                Path backup = null;
                if ((!pending.isEmpty() || !plan.pendingRepeatables().isEmpty()) && session.dialect() == Dialect.SQLITE) {
                    backup = SqliteBackup.backupIfNeeded(session.connection, config.connections(), config.backup());
                }
                session.ensureHistoryTable();
                Callbacks callbacks = session.callbacks();
                MigrationRunner runner = new MigrationRunner(session).withCallbacks(callbacks);
                List<ExecutedMigration> applied = new ArrayList<>(pending.size());
                if (config.transactionPooling()) {
                    // Refused before any is applied: one that must run outside a transaction needs a direct connection.
                    for (ResolvedMigration migration : pending) {
                        runner.work(migration, false);
                    }
                }
                try {
                    callbacks.runForRun(MigrationCallback.Event.BEFORE_MIGRATE, session.target);
                    // Null for one that another migrator applied meanwhile (behind a transaction pooler).
                    for (ResolvedMigration migration : pending) {
                        addIfRun(applied, runner.apply(migration));
                    }
                    // Repeatables come after every versioned migration, as in Flyway, on the schema they build on.
                    for (Plan.PendingRepeatable repeatable : plan.pendingRepeatables()) {
                        addIfRun(applied, runner.applyRepeatable(repeatable));
                    }
                    callbacks.runForRun(MigrationCallback.Event.AFTER_MIGRATE, session.target);
                } catch (RuntimeException failure) {
                    callbacks.runAfterError(MigrationCallback.Event.AFTER_MIGRATE_ERROR, null, failure);
                    throw failure;
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                if (applied.isEmpty()) {
                    LOG.debug("{} is up to date: no migration to apply", session.logTarget);
                } else {
                    LOG.info("Migrated {}: {} migration(s) applied in {} ms", session.logTarget, applied.size(),
                            took.toMillis());
                }
                return new MigrateResult(session.target, applied, took, backup);
            });
        }
    }

    /**
     * Whether nothing is left to do, read in one query of the history table without the lock: every local migration
     * applied with its checksum, no failed, missing or out-of-order row, no repeatable changed. False, so that the
     * caller runs the full engine, when the table is missing, the database cannot be read, or anything differs.
     */
    public boolean upToDate() {
        return upToDate(true);
    }

    /**
     * {@link #upToDate()} without the checksums: every local versioned migration is applied (or below a baseline),
     * no row failed, no applied version is unknown here. Computing the checksums starts the JDK's security providers,
     * which costs a short command more than its own work; sets with repeatables or callbacks, and targets, fall back
     * to the full check.
     */
    public boolean versionsUpToDate() {
        return upToDate(false);
    }

    private boolean upToDate(boolean checksums) {
        try (Connection connection = config.connections().open()) {
            Dialect dialect = config.dialect() != null ? config.dialect()
                    : Dialect.fromProductName(connection.getMetaData().getDatabaseProductName());
            List<HistoryRow> rows;
            try {
                rows = new HistoryTable(dialect, config.historyTable(), config.schema()).readAll(connection);
            } finally {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                }
            }
            List<MigrationSet> sets = config.sets() != null ? config.sets()
                    : MigrationSetRegistry.sets(config.classLoader()).stream()
                            .filter(set -> set.dialect() == dialect)
                            .toList();
            boolean plain = config.targets().isEmpty() && config.callbacks().isEmpty()
                    && sets.stream().allMatch(set -> set.repeatables().isEmpty() && set.callbacks().isEmpty());
            if (!checksums && plain) {
                return versionsApplied(ModuleOrder.order(sets), rows);
            }
            Plan plan = new Plan(ModuleOrder.order(sets), rows, config.targets(), config.outOfOrder());
            plan.checkTargets();
            return plan.problems().isEmpty() && plan.pending().isEmpty() && plan.pendingRepeatables().isEmpty();
        } catch (SQLException | RuntimeException notKnown) {
            return false;
        }
    }

    private static boolean versionsApplied(List<MigrationSet> sets, List<HistoryRow> rows) {
        if (rows.stream().anyMatch(row -> !row.success())) {
            return false;
        }
        for (MigrationSet set : sets) {
            Set<MigrationVersion> local = new HashSet<>();
            set.migrations().forEach(migration -> local.add(migration.version()));
            Set<MigrationVersion> applied = new HashSet<>();
            MigrationVersion baseline = null;
            for (HistoryRow row : rows) {
                if (!row.module().equals(set.module()) || row.isRepeatable()) {
                    continue;
                }
                if (row.isBaseline()) {
                    baseline = baseline == null || row.version().compareTo(baseline) > 0 ? row.version() : baseline;
                } else {
                    applied.add(row.version());
                }
            }
            for (MigrationVersion version : local) {
                if (!applied.contains(version) && (baseline == null || version.compareTo(baseline) > 0)) {
                    return false;
                }
            }
            if (!local.containsAll(applied)) {
                return false;
            }
        }
        return true;
    }

    public List<MigrationInfo> info() {
        try (Session session = Session.open(config, false)) {
            return run(session, () -> session.plan().infos());
        }
    }

    public void validate() {
        try (Session session = Session.open(config, false)) {
            run(session, () -> {
                Plan plan = session.plan();
                plan.throwIfInvalid();
                // What up would refuse before running anything, validate refuses too: an unknown placeholder,
                // a PRAGMA that cannot take effect, a psql meta-command, a file mixing transaction kinds.
                MigrationRunner runner = new MigrationRunner(session);
                for (ResolvedMigration migration : plan.pending()) {
                    runner.work(migration, false);
                }
                return null;
            });
        }
    }

    public void baseline(Map<String, MigrationVersion> versions) {
        try (Session session = Session.open(config, true)) {
            run(session, () -> {
                for (String module : versions.keySet()) {
                    if (session.rows().stream().anyMatch(row -> row.module().equals(module))) {
                        throw new MigrationConfigurationException("Cannot baseline module '" + module + "' on "
                                + session.target + ": its history is not empty. Baseline adopts a database that"
                                + " has never been migrated.");
                    }
                }
                session.ensureHistoryTable();
                session.support.beginMigration(session.connection);
                for (Map.Entry<String, MigrationVersion> entry : versions.entrySet()) {
                    session.history.insert(session.connection, new HistoryRow(session.takeRank(), entry.getKey(),
                            entry.getValue(), "<< baseline >>", HistoryRow.TYPE_BASELINE, "<< baseline >>", null, null,
                            session.installedBy(), Instant.now(), 0, true));
                }
                session.support.commitMigration(session.connection);
                return null;
            });
        }
    }

    /**
     * Adopts a Flyway history: every applied row of {@code flyway_schema_history} is checked against the local
     * file with Flyway's own checksum and recorded as applied in Cairn's history, so that migrate goes on from
     * there instead of running V1 again.
     *
     * @return the adopted migrations, as {@code module version script}
     */
    public List<String> adoptFlyway(String module) {
        try (Session session = Session.open(config, true)) {
            return run(session, () -> {
                FlywayHistory flyway = session.flywayHistory();
                if (!flyway.exists(session.connection)) {
                    throw new MigrationConfigurationException("No Flyway history on " + session.target + ": there is"
                            + " no table " + FlywayHistory.TABLE + " in it. Baseline adopts a database that Flyway"
                            + " migrated; for one made another way use baseline with a version.");
                }
                if (session.rows().stream().anyMatch(row -> row.module().equals(module))) {
                    throw new MigrationConfigurationException("Cannot adopt the Flyway history into module '" + module
                            + "' on " + session.target + ": its Cairn history is not empty.");
                }
                Plan plan = session.plan();
                if (!plan.hasModule(module)) {
                    throw new MigrationConfigurationException("Module '" + module + "' has no migrations here; give"
                            + " the module whose files Flyway applied.");
                }
                List<String> problems = new ArrayList<>();
                List<HistoryRow> adopted = new ArrayList<>();
                for (FlywayHistory.Row row : flyway.readAll(session.connection)) {
                    HistoryRow cairnRow = adopt(session, plan, module, row, problems);
                    if (cairnRow != null) {
                        adopted.add(cairnRow);
                    }
                }
                if (!problems.isEmpty()) {
                    throw new MigrationValidationException(problems);
                }
                session.ensureHistoryTable();
                session.support.beginMigration(session.connection);
                List<String> labels = new ArrayList<>();
                for (HistoryRow row : adopted) {
                    session.history.insert(session.connection, row);
                    labels.add(row.module() + " " + (row.version() == null ? "repeatable" : row.version()) + " "
                            + row.script());
                }
                session.support.commitMigration(session.connection);
                return labels;
            });
        }
    }

    /** The Cairn row for a Flyway row, or null for one that records nothing to adopt; problems are collected. */
    private static HistoryRow adopt(Session session, Plan plan, String module, FlywayHistory.Row row,
                                    List<String> problems) {
        String where = FlywayHistory.TABLE + " rank " + row.rank() + " (" + row.script() + ")";
        // Flyway's own markers (the schemas or the table it created, rows deleted by its repair) hold no migration.
        if (List.of("SCHEMA", "TABLE", "DELETE").contains(row.type())) {
            return null;
        }
        if (!row.success()) {
            problems.add(where + " failed in Flyway. Run flyway repair (or fix it by hand) before adopting.");
            return null;
        }
        if (row.type().contains("BASELINE")) {
            return new HistoryRow(session.takeRank(), module, MigrationVersion.parse(row.version()),
                    "<< Flyway baseline >>", HistoryRow.TYPE_BASELINE, "<< Flyway baseline >>", null, null,
                    row.installedBy(), row.installedOn(), 0, true);
        }
        ResolvedMigration local = row.version() == null ? plan.localRepeatable(module, row.description())
                : plan.local(module, MigrationVersion.parse(row.version()));
        if (local == null) {
            problems.add(where + " is missing locally: no " + (row.version() == null ? "repeatable '"
                    + row.description() + "'" : "version " + row.version()) + " in module '" + module
                    + "'. Restore the file before adopting.");
            return null;
        }
        String text = local.migration() instanceof dev.cairn.migrations.SqlMigration sql ? sql.sql()
                : local.migration() instanceof dev.cairn.migrations.RepeatableMigration repeatable ? repeatable.sql()
                : null;
        Integer localChecksum = text == null ? null : FlywayChecksums.of(text);
        boolean matches = row.checksum() == null || localChecksum == null || row.checksum().equals(localChecksum);
        if (!matches && row.version() != null) {
            problems.add(local.migration().script() + " (version " + row.version() + ") changed after Flyway applied"
                    + " it: Flyway checksum in " + FlywayHistory.TABLE + " " + row.checksum() + ", local file "
                    + localChecksum + ". Restore the file that was applied before adopting.");
            return null;
        }
        // A repeatable that changed since Flyway applied it keeps Flyway's checksum, so that it is applied again.
        String checksum = matches ? local.checksum() : "flyway-crc32:" + row.checksum();
        return new HistoryRow(session.takeRank(), module, local.migration().version(),
                local.migration().description(), local.type(), local.migration().script(), checksum,
                local.checksumAlgorithm(), row.installedBy(), row.installedOn(), row.executionTimeMillis(), true);
    }

    /** @throws MigrationConfigurationException unless clean was enabled */
    public List<String> clean() {
        if (!config.cleanEnabled()) {
            throw new MigrationConfigurationException("clean is disabled: it drops every object in "
                    + config.connections().describe() + (config.schema() == null ? "" : " schema " + config.schema())
                    + ", data and history included. Enable it with Migrator.builder().cleanEnabled(true)"
                    + " (cairn migrate clean --allow-clean), as Flyway's cleanEnabled.");
        }
        try (Session session = Session.open(config, true)) {
            return run(session, session::clean);
        }
    }

    public RepairResult repair() {
        try (Session session = Session.open(config, true)) {
            return run(session, () -> {
                Plan plan = session.plan();
                List<String> removed = new ArrayList<>();
                List<String> realigned = new ArrayList<>();
                if (!session.historyExists()) {
                    return new RepairResult(removed, realigned);
                }
                session.support.beginMigration(session.connection);
                for (HistoryRow row : session.rows()) {
                    if (row.isRepeatable() && row.success()) {
                        continue;
                    }
                    ResolvedMigration local = plan.local(row.module(), row.version());
                    String label = row.module() + " " + row.version() + " " + row.script();
                    if (!row.success()) {
                        session.history.delete(session.connection, row.rank());
                        removed.add(label);
                    } else if (local != null && !row.isBaseline() && local.checksum() != null
                            && !(local.checksum().equals(row.checksum())
                            && local.checksumAlgorithm().equals(row.checksumAlgorithm()))) {
                        session.history.updateChecksum(session.connection, row.rank(), local.checksum(),
                                local.checksumAlgorithm());
                        realigned.add(label);
                    }
                }
                session.support.commitMigration(session.connection);
                return new RepairResult(removed, realigned);
            });
        }
    }

    /** Undoes the last {@code steps} applied migrations, newest first, across modules. */
    public UndoResult undoSteps(int steps) {
        if (steps < 1) {
            throw new MigrationConfigurationException("undo steps must be at least 1, was " + steps);
        }
        return undo(rows -> rows.stream().limit(steps).toList());
    }

    /** Undoes the module's applied migrations above {@code target}, newest first. */
    public UndoResult undoTo(String module, MigrationVersion target) {
        return undo(rows -> rows.stream()
                .filter(row -> row.module().equals(module) && !row.isRepeatable()
                        && row.version().compareTo(target) > 0)
                .toList());
    }

    private UndoResult undo(java.util.function.Function<List<HistoryRow>, List<HistoryRow>> choose) {
        long start = System.nanoTime();
        try (Session session = Session.open(config, true)) {
            return run(session, () -> {
                Plan plan = session.plan();
                plan.throwIfInvalid();
                List<HistoryRow> newestFirst = session.rows().stream()
                        .filter(row -> row.success() && !row.isBaseline() && !row.isRepeatable())
                        .sorted(Comparator.comparingInt(HistoryRow::rank).reversed())
                        .toList();
                MigrationRunner runner = new MigrationRunner(session);
                List<ExecutedMigration> undone = new ArrayList<>();
                for (HistoryRow row : choose.apply(newestFirst)) {
                    ResolvedMigration local = plan.local(row.module(), row.version());
                    if (local == null) {
                        throw new MigrationConfigurationException("Cannot undo " + row.script() + " (module '"
                                + row.module() + "', version " + row.version() + "): it is missing locally.");
                    }
                    undone.add(runner.undo(local, row));
                }
                return new UndoResult(session.target, undone, Duration.ofNanos(System.nanoTime() - start));
            });
        }
    }

    /** Writes every statement a migrate would run, history rows included, and changes nothing. */
    public List<ResolvedMigration> dryRun(PrintWriter out) {
        try (Session session = Session.open(config, false)) {
            List<ResolvedMigration> pending = run(session, () -> {
                Plan plan = session.plan();
                plan.throwIfInvalid();
                new DryRunPrinter(session, out).print(plan.pending(), plan.pendingRepeatables());
                List<ResolvedMigration> all = new ArrayList<>(plan.pending());
                plan.pendingRepeatables().forEach(repeatable -> all.add(repeatable.migration()));
                return all;
            });
            out.flush();
            return pending;
        }
    }

    /** Migrating a database that Flyway manages would run V1 again on a schema that has it: point to adoption. */
    private static void refuseFlywayManaged(Session session) throws SQLException {
        FlywayHistory flyway = session.flywayHistory();
        if (!flyway.exists(session.connection)) {
            return;
        }
        List<FlywayHistory.Row> rows = flyway.readAll(session.connection).stream()
                .filter(row -> row.success() && row.version() != null
                        && !List.of("SCHEMA", "TABLE", "DELETE").contains(row.type()))
                .toList();
        if (!rows.isEmpty()) {
            throw new MigrationConfigurationException(session.target + " is managed by Flyway: "
                    + FlywayHistory.TABLE + " records " + rows.size() + " applied migration(s), up to version "
                    + rows.get(rows.size() - 1).version() + ", and Cairn's history is empty. Adopt Flyway's history"
                    + " first with 'cairn migrate baseline --from-flyway' (Migrator.baselineFromFlyway(module)),"
                    + " instead of running V1 again.");
        }
    }

    private static void addIfRun(List<ExecutedMigration> applied, ExecutedMigration executed) {
        if (executed != null) {
            applied.add(executed);
        }
    }

    private static <T> T run(Session session, SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException failure) {
            throw new MigrationDatabaseException("Database error on " + session.target + ": " + failure.getMessage()
                    + PoolerHints.of(failure), failure);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }
}
