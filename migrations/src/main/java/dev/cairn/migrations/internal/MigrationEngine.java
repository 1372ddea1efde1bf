package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.ExecutedMigration;
import dev.cairn.migrations.MigrateResult;
import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.MigrationDatabaseException;
import dev.cairn.migrations.MigrationInfo;
import dev.cairn.migrations.MigrationVersion;
import dev.cairn.migrations.RepairResult;
import dev.cairn.migrations.UndoResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The operations behind {@link dev.cairn.migrations.Migrator}. Immutable and thread-safe. */
public final class MigrationEngine {
    private final MigratorConfig config;

    public MigrationEngine(MigratorConfig config) {
        this.config = config;
    }

    public MigrateResult migrate() {
        long start = System.nanoTime();
        try (Session session = Session.open(config, true)) {
            return run(session, () -> {
                Plan plan = session.plan();
                if (session.clearRetryable(plan)) {
                    plan = session.plan();
                }
                plan.throwIfInvalid();
                List<ResolvedMigration> pending = plan.pending();
                Path backup = null;
                if (!pending.isEmpty() && session.dialect() == Dialect.SQLITE) {
                    backup = SqliteBackup.backupIfNeeded(session.connection, config.connections(), config.backup());
                }
                session.ensureHistoryTable();
                MigrationRunner runner = new MigrationRunner(session);
                List<ExecutedMigration> applied = new ArrayList<>(pending.size());
                for (ResolvedMigration migration : pending) {
                    applied.add(runner.apply(migration));
                }
                return new MigrateResult(session.target, applied, Duration.ofNanos(System.nanoTime() - start), backup);
            });
        }
    }

    public List<MigrationInfo> info() {
        try (Session session = Session.open(config, false)) {
            return run(session, () -> session.plan().infos());
        }
    }

    public void validate() {
        try (Session session = Session.open(config, false)) {
            run(session, () -> {
                session.plan().throwIfInvalid();
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
                .filter(row -> row.module().equals(module) && row.version().compareTo(target) > 0)
                .toList());
    }

    private UndoResult undo(java.util.function.Function<List<HistoryRow>, List<HistoryRow>> choose) {
        long start = System.nanoTime();
        try (Session session = Session.open(config, true)) {
            return run(session, () -> {
                Plan plan = session.plan();
                plan.throwIfInvalid();
                List<HistoryRow> newestFirst = session.rows().stream()
                        .filter(row -> row.success() && !row.isBaseline())
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
                new DryRunPrinter(session, out).print(plan.pending());
                return plan.pending();
            });
            out.flush();
            return pending;
        }
    }

    private static <T> T run(Session session, SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException failure) {
            throw new MigrationDatabaseException("Database error on " + session.target + ": " + failure.getMessage(),
                    failure);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }
}
