package dev.cairn.migrations.internal;

import dev.cairn.migrations.ExecutedMigration;
import dev.cairn.migrations.MigrationFailedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/** Applies or undoes one migration at a time on a session's connection. Not thread-safe. */
final class MigrationRunner {
    private final Session session;
    private final Connection connection;
    private final DialectSupport support;
    private final int serverMajorVersion;
    private final Map<String, String> placeholders;

    MigrationRunner(Session session) throws SQLException {
        this.session = session;
        this.connection = session.connection;
        this.support = session.support;
        this.serverMajorVersion = support.serverMajorVersion(connection);
        this.placeholders = session.placeholders();
    }

    MigrationWork work(ResolvedMigration migration, boolean undo) {
        return MigrationWork.of(migration, undo, session.dialect(), serverMajorVersion, placeholders);
    }

    ExecutedMigration apply(ResolvedMigration migration) throws SQLException {
        MigrationWork work = work(migration, false);
        long start = System.nanoTime();
        if (!work.outsideTransaction()) {
            support.beginMigration(connection);
            try {
                work.run(connection);
                session.history.insert(connection, session.newRow(migration, millisSince(start), true));
                support.commitMigration(connection);
            } catch (MigrationWork.StepFailure failure) {
                support.rollbackMigration(connection);
                if (!support.transactionalDdl()) {
                    session.history.insert(connection, session.newRow(migration, millisSince(start), false));
                }
                throw failed(migration, work, failure, support.transactionalDdl());
            }
        } else {
            // Recorded as started (a failed row) before it runs, and marked successful after: a migrator killed
            // while it runs leaves a row that info, validate and the next run report, with what it left behind;
            // and where the lock is the run's transaction (SQLite), one that takes the lock meanwhile never
            // applies it twice.
            HistoryRow row = session.newRow(migration, 0, false);
            session.history.insert(connection, row);
            support.leaveRunTransaction(connection);
            try {
                work.run(connection);
            } catch (MigrationWork.StepFailure failure) {
                support.enterRunTransaction(connection);
                throw failed(migration, work, failure, false);
            }
            support.enterRunTransaction(connection);
            session.history.markSucceeded(connection, row.rank(), millisSince(start));
        }
        return executed(migration, start);
    }

    ExecutedMigration undo(ResolvedMigration migration, HistoryRow row) throws SQLException {
        MigrationWork work = work(migration, true);
        long start = System.nanoTime();
        boolean transactional = !work.outsideTransaction();
        if (transactional) {
            support.beginMigration(connection);
        } else {
            support.leaveRunTransaction(connection);
        }
        try {
            work.run(connection);
        } catch (MigrationWork.StepFailure failure) {
            if (transactional) {
                support.rollbackMigration(connection);
            } else {
                support.enterRunTransaction(connection);
            }
            throw failed(migration, work, failure, transactional && support.transactionalDdl());
        }
        if (!transactional) {
            support.enterRunTransaction(connection);
        }
        session.history.delete(connection, row.rank());
        if (transactional) {
            support.commitMigration(connection);
        }
        return executed(migration, start);
    }

    private static ExecutedMigration executed(ResolvedMigration migration, long start) {
        return new ExecutedMigration(migration.module(), migration.migration().version(),
                migration.migration().description(), migration.migration().script(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    private MigrationFailedException failed(ResolvedMigration migration, MigrationWork work,
                                            MigrationWork.StepFailure failure, boolean rolledBack) {
        Throwable cause = failure.getCause();
        String databaseMessage = String.valueOf(cause.getMessage()).strip();
        if (cause instanceof SQLException sqlFailure && sqlFailure.getSQLState() != null) {
            databaseMessage += " [SQLState " + sqlFailure.getSQLState() + "]";
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
                + migration.module() + "', version " + migration.migration().version() + ", file " + work.script()
                + ") at " + step + ".\nDatabase message: " + databaseMessage + "\n" + outcome;
        return new MigrationFailedException(message, migration.module(), migration.migration().version().toString(),
                work.script(), failure.statementNumber, rolledBack, cause);
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
