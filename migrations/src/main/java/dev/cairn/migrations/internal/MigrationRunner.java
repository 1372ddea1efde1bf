package dev.cairn.migrations.internal;

import dev.cairn.migrations.ExecutedMigration;
import dev.cairn.migrations.MigrationCallback;
import dev.cairn.migrations.MigrationFailedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies or undoes one migration at a time on a session's connection. Not thread-safe. */
final class MigrationRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MigrationRunner.class);

    private final Session session;
    private final Connection connection;
    private final DialectSupport support;
    private final int serverMajorVersion;
    private final Map<String, String> placeholders;
    private Callbacks callbacks;

    MigrationRunner(Session session) throws SQLException {
        this.session = session;
        this.connection = session.connection;
        this.support = session.support;
        this.serverMajorVersion = support.serverMajorVersion(connection);
        this.placeholders = session.placeholders();
    }

    /** Runs these callbacks around each migration applied (not around undo). */
    MigrationRunner withCallbacks(Callbacks eachMigration) {
        this.callbacks = eachMigration;
        return this;
    }

    private void callback(MigrationCallback.Event event, ResolvedMigration migration)
            throws MigrationWork.StepFailure {
        if (callbacks != null && !callbacks.isEmpty()) {
            callbacks.run(event, migration);
        }
    }

    private void errorCallback(ResolvedMigration migration, Throwable failure) {
        if (callbacks != null && !callbacks.isEmpty()) {
            callbacks.runAfterError(MigrationCallback.Event.AFTER_EACH_MIGRATE_ERROR, migration, failure);
        }
    }

    /** @throws dev.cairn.migrations.MigrationConfigurationException for one a transaction pooler cannot run */
    MigrationWork work(ResolvedMigration migration, boolean undo) {
        MigrationWork work = MigrationWork.of(migration, undo, session.dialect(), serverMajorVersion, placeholders);
        session.refuseOutsideTransaction(migration, work);
        return work;
    }

    /** Applies {@code migration}; null when another migrator applied it meanwhile (behind a transaction pooler). */
    ExecutedMigration apply(ResolvedMigration migration) throws SQLException {
        MigrationWork work = work(migration, false);
        long start = System.nanoTime();
        try {
            if (work.foreignKeysOff()) {
                withForeignKeysOff(migration, () -> applyInTransaction(migration, work, start));
            } else if (!work.outsideTransaction()) {
                if (!applyInTransaction(migration, work, start)) {
                    return null;
                }
            } else {
                applyOutsideTransaction(migration, work, start);
            }
        } catch (SQLException bookkeeping) {
            throw bookkeepingFailed(migration, work, bookkeeping);
        }
        return logged(executed(migration, start, work.notes()), false);
    }

    /** Applies a repeatable migration again, or for the first time, in a transaction; its one row is updated. */
    ExecutedMigration applyRepeatable(Plan.PendingRepeatable pending) throws SQLException {
        ResolvedMigration migration = pending.migration();
        MigrationWork work = work(migration, false);
        long start = System.nanoTime();
        try {
            if (work.foreignKeysOff()) {
                withForeignKeysOff(migration, () -> applyInTransaction(migration, work, start, pending.row()));
            } else if (!applyInTransaction(migration, work, start, pending.row())) {
                return null;
            }
        } catch (SQLException bookkeeping) {
            throw bookkeepingFailed(migration, work, bookkeeping);
        }
        return logged(executed(migration, start, work.notes()), false);
    }

    private boolean applyInTransaction(ResolvedMigration migration, MigrationWork work, long start)
            throws SQLException {
        return applyInTransaction(migration, work, start, null);
    }

    /** @return false when another migrator applied it meanwhile, found under the lock of this transaction */
    private boolean applyInTransaction(ResolvedMigration migration, MigrationWork work, long start,
                                       HistoryRow existingRepeatable) throws SQLException {
        support.beginMigration(connection);
        try {
            if (session.appliedMeanwhile(migration)) {
                support.rollbackMigration(connection);
                return false;
            }
            callback(MigrationCallback.Event.BEFORE_EACH_MIGRATE, migration);
            work.run(connection);
            callback(MigrationCallback.Event.AFTER_EACH_MIGRATE, migration);
            checkAfter(work, false);
            // The search path is given back with the history write and the commit, in as few round trips as can be.
            support.recordAndCommit(connection, session.history, session.newRow(migration, millisSince(start), true),
                    existingRepeatable == null ? null : existingRepeatable.rank(), session.sessionPath());
            return true;
        } catch (MigrationWork.StepFailure failure) {
            rollBack(failure.getCause());
            MigrationFailedException failedMigration = failed(migration, work, failure, support.transactionalDdl());
            errorCallback(migration, failedMigration);
            if (!support.transactionalDdl() && existingRepeatable == null && migration.migration().version() != null) {
                try {
                    session.history.insert(connection, session.newRow(migration, millisSince(start), false));
                } catch (SQLException recording) {
                    failedMigration.addSuppressed(recording);
                }
            }
            throw failedMigration;
        } catch (SQLException | RuntimeException bookkeeping) {
            rollBack(bookkeeping);
            throw bookkeeping;
        }
    }

    private void applyOutsideTransaction(ResolvedMigration migration, MigrationWork work, long start)
            throws SQLException {
        // Recorded as started (a failed row) before it runs, and marked successful after: a migrator killed
        // while it runs leaves a row that info, validate and the next run report, with what it left behind;
        // and where the lock is the run's transaction (SQLite), one that takes the lock meanwhile never
        // applies it twice.
        HistoryRow row = session.newRow(migration, 0, false);
        session.history.insert(connection, row);
        support.leaveRunTransaction(connection);
        boolean foreignKeys = support.foreignKeysOn(connection);
        try {
            callback(MigrationCallback.Event.BEFORE_EACH_MIGRATE, migration);
            work.run(connection);
            callback(MigrationCallback.Event.AFTER_EACH_MIGRATE, migration);
            checkAfter(work);
        } catch (MigrationWork.StepFailure failure) {
            restoreOutside(foreignKeys, failure.getCause());
            support.enterRunTransaction(connection);
            MigrationFailedException failedMigration = failed(migration, work, failure, false);
            errorCallback(migration, failedMigration);
            throw failedMigration;
        }
        restoreOutside(foreignKeys, null);
        support.enterRunTransaction(connection);
        session.history.markSucceeded(connection, row.rank(), millisSince(start));
    }

    /**
     * Runs a migration that needs foreign keys off between two transactions of the run, the only place where
     * SQLite's {@code PRAGMA foreign_keys} takes effect, and restores the setting after it whatever happened.
     */
    private void withForeignKeysOff(ResolvedMigration migration, SqlAction action) throws SQLException {
        support.leaveRunTransaction(connection);
        boolean foreignKeys = support.foreignKeysOn(connection);
        support.setForeignKeys(connection, false);
        Throwable primary = null;
        try {
            support.enterRunTransaction(connection);
            session.requireHistoryUnchanged(migration);
            action.run();
        } catch (SQLException | RuntimeException failure) {
            primary = failure;
            throw failure;
        } finally {
            try {
                support.leaveRunTransaction(connection);
                support.setForeignKeys(connection, foreignKeys);
                support.enterRunTransaction(connection);
            } catch (SQLException restoring) {
                if (primary == null) {
                    throw restoring;
                }
                primary.addSuppressed(restoring);
            }
        }
    }

    /**
     * What every migration must leave: a session whose search path (or schema) is the engine's again, so the
     * history write names the right table, and, on SQLite, no row that breaks a foreign key.
     */
    private void checkAfter(MigrationWork work) throws MigrationWork.StepFailure {
        checkAfter(work, true);
    }

    /** @param restorePath whether to restore the search path here, or leave it to the history write that follows */
    private void checkAfter(MigrationWork work, boolean restorePath) throws MigrationWork.StepFailure {
        try {
            if (restorePath) {
                session.restoreSessionPath();
            }
            List<String> violations = support.foreignKeyViolations(connection);
            if (!violations.isEmpty()) {
                throw new MigrationWork.StepFailure(0, "the check after it (PRAGMA foreign_key_check)",
                        new SQLException(violations.size() + " row(s) break a foreign key: "
                                + String.join("; ", violations.subList(0, Math.min(10, violations.size())))
                                + (violations.size() > 10 ? "; …" : "")));
            }
        } catch (SQLException failure) {
            throw new MigrationWork.StepFailure(0, "the check after it", failure);
        }
    }

    /** Rolls the migration back; a failure doing so is attached to the first failure, never put in its place. */
    private void rollBack(Throwable primary) {
        try {
            support.rollbackMigration(connection);
        } catch (SQLException rollback) {
            primary.addSuppressed(rollback);
        }
        try {
            session.restoreSessionPath();
        } catch (SQLException restore) {
            primary.addSuppressed(restore);
        }
    }

    private void restoreOutside(boolean foreignKeys, Throwable primary) throws SQLException {
        try {
            support.setForeignKeys(connection, foreignKeys);
            session.restoreSessionPath();
        } catch (SQLException failure) {
            if (primary == null) {
                throw failure;
            }
            primary.addSuppressed(failure);
        }
    }

    ExecutedMigration undo(ResolvedMigration migration, HistoryRow row) throws SQLException {
        MigrationWork work = work(migration, true);
        long start = System.nanoTime();
        try {
            if (work.foreignKeysOff()) {
                withForeignKeysOff(migration, () -> undoOnce(migration, work, row));
            } else {
                undoOnce(migration, work, row);
            }
        } catch (SQLException bookkeeping) {
            throw bookkeepingFailed(migration, work, bookkeeping);
        }
        return logged(executed(migration, start, work.notes()), true);
    }

    private void undoOnce(ResolvedMigration migration, MigrationWork work, HistoryRow row) throws SQLException {
        boolean transactional = !work.outsideTransaction();
        if (transactional) {
            support.beginMigration(connection);
        } else {
            support.leaveRunTransaction(connection);
        }
        try {
            work.run(connection);
            checkAfter(work);
        } catch (MigrationWork.StepFailure failure) {
            if (transactional) {
                rollBack(failure.getCause());
            } else {
                restoreOutside(support.foreignKeysOn(connection), failure.getCause());
                support.enterRunTransaction(connection);
            }
            throw failed(migration, work, failure, transactional && support.transactionalDdl());
        }
        try {
            if (!transactional) {
                support.enterRunTransaction(connection);
            }
            session.history.delete(connection, row.rank());
            if (transactional) {
                support.commitMigration(connection);
            }
        } catch (SQLException | RuntimeException bookkeeping) {
            if (transactional) {
                rollBack(bookkeeping);
            }
            throw bookkeeping;
        }
    }

    /** A failure of the engine's own statements (history, transaction), named by the migration that ran. */
    private MigrationFailedException bookkeepingFailed(ResolvedMigration migration, MigrationWork work,
                                                      SQLException failure) {
        boolean rolledBack = support.transactionalDdl() && !work.outsideTransaction();
        String message = "Recording " + (work.undo() ? "the undo of " : "") + migration.label() + " in "
                + session.history.qualifiedName() + " failed: " + String.valueOf(failure.getMessage()).strip()
                + (failure.getSQLState() == null ? "" : " [SQLState " + failure.getSQLState() + "]")
                + PoolerHints.of(failure) + "\n"
                + (rolledBack ? "The migration was rolled back: the database is exactly as it was before it."
                : "The migration ran; check the history table before migrating again.");
        return new MigrationFailedException(message, migration.module(), String.valueOf(migration.migration().version()),
                work.script(), 0, rolledBack, failure);
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }

    /** One INFO line per migration applied or undone, as Flyway writes one per migration it applies. */
    private ExecutedMigration logged(ExecutedMigration done, boolean undo) {
        if (LOG.isInfoEnabled()) {
            String what = done.version() == null ? "repeatable migration " + done.module()
                    : "migration " + done.module() + " " + done.version();
            LOG.info("{} {} ({}) {} {} in {} ms", undo ? "Undid" : "Applied", what, done.description(),
                    undo ? "on" : "to", session.logTarget, done.executionTime().toMillis());
        }
        for (String note : done.notes()) {
            LOG.info("{}", note);
        }
        return done;
    }

    private static ExecutedMigration executed(ResolvedMigration migration, long start, List<String> notes) {
        return new ExecutedMigration(migration.module(), migration.migration().version(),
                migration.migration().description(), migration.migration().script(),
                Duration.ofNanos(System.nanoTime() - start), notes);
    }

    private MigrationFailedException failed(ResolvedMigration migration, MigrationWork work,
                                            MigrationWork.StepFailure failure, boolean rolledBack) {
        Throwable cause = failure.getCause();
        String databaseMessage = String.valueOf(cause.getMessage()).strip();
        if (cause instanceof SQLException sqlFailure && sqlFailure.getSQLState() != null) {
            databaseMessage += " [SQLState " + sqlFailure.getSQLState() + "]" + PoolerHints.of(sqlFailure);
        }
        String step = failure.statementNumber > 0 ? "statement " + failure.statementNumber + " (" + failure.where + ")"
                : failure.where;
        String outcome = rolledBack
                ? "The migration was rolled back: the database is exactly as it was before it."
                : (work.undo() ? "The undo" : "The migration") + " may be partly applied (" + session.dialect()
                + (support.transactionalDdl() ? " ran it outside a transaction" : " commits DDL as it runs")
                + ")" + (work.undo() ? "." : "; a failed row was recorded in " + session.history.name()
                + ". Fix the database by hand, then run repair to remove the failed row before migrating again.");
        String message = (work.undo() ? "Undo of " : "Migration ") + work.script() + " failed (module '"
                + migration.module() + "', " + (migration.migration().version() == null ? "repeatable"
                : "version " + migration.migration().version()) + ", file " + work.script()
                + ") at " + step + ".\nDatabase message: " + databaseMessage + "\n" + outcome;
        return new MigrationFailedException(message, migration.module(), String.valueOf(migration.migration().version()),
                work.script(), failure.statementNumber, rolledBack, cause);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
