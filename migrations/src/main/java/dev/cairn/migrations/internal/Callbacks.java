package dev.cairn.migrations.internal;

import dev.cairn.migrations.MigrationCallback;
import dev.cairn.migrations.MigrationFailedException;
import dev.cairn.migrations.MigrationInfo;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationState;
import dev.cairn.migrations.SqlCallback;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The callbacks of one run: the locations' callback files, set by set, then the Java callbacks, at Flyway's
 * events. Not thread-safe.
 */
final class Callbacks {
    private final Connection connection;
    private final List<MigrationSet> sets;
    private final List<MigrationCallback> java;
    private final DialectSupport support;
    private final int serverMajorVersion;
    private final Map<String, String> placeholders;

    Callbacks(Connection connection, List<MigrationSet> sets, List<MigrationCallback> java, DialectSupport support,
              int serverMajorVersion, Map<String, String> placeholders) {
        this.connection = connection;
        this.sets = sets;
        this.java = java;
        this.support = support;
        this.serverMajorVersion = serverMajorVersion;
        this.placeholders = placeholders;
    }

    boolean isEmpty() {
        return java.isEmpty() && sets.stream().allMatch(set -> set.callbacks().isEmpty());
    }

    /** Runs the event's callbacks; a failure is a step of the migration (or run) that failed. */
    void run(MigrationCallback.Event event, ResolvedMigration migration) throws MigrationWork.StepFailure {
        for (MigrationSet set : sets) {
            for (SqlCallback callback : set.callbacks()) {
                if (callback.event() == event) {
                    MigrationWork work = MigrationWork.ofText(callback.script(), callback.sql(), false,
                            support.dialect(), serverMajorVersion, placeholders);
                    try {
                        work.run(connection);
                    } catch (MigrationWork.StepFailure failure) {
                        throw new MigrationWork.StepFailure(failure.statementNumber, "callback " + callback.script()
                                + " of module '" + set.module() + "', " + failure.where, failure.getCause());
                    }
                }
            }
        }
        MigrationInfo info = migration == null ? null : new MigrationInfo(migration.module(),
                migration.migration().version(), migration.migration().description(), migration.migration().script(),
                MigrationState.PENDING, null, null);
        for (MigrationCallback callback : java) {
            try {
                callback.handle(event, connection, info);
            } catch (Exception failure) {
                throw new MigrationWork.StepFailure(0, "callback " + callback.getClass().getName() + " at "
                        + event.fileName(), failure);
            }
        }
    }

    /** An error callback: its own failure is attached to the failure it reports, never put in its place. */
    void runAfterError(MigrationCallback.Event event, ResolvedMigration migration, Throwable primary) {
        try {
            run(event, migration);
        } catch (MigrationWork.StepFailure failure) {
            primary.addSuppressed(failure.getCause());
        }
    }

    /** A run-level event ({@code beforeMigrate}, {@code afterMigrate}); a failure fails the run. */
    void runForRun(MigrationCallback.Event event, String target) {
        try {
            run(event, null);
        } catch (MigrationWork.StepFailure failure) {
            Throwable cause = failure.getCause();
            String message = String.valueOf(cause.getMessage()).strip();
            if (cause instanceof SQLException sqlFailure && sqlFailure.getSQLState() != null) {
                message += " [SQLState " + sqlFailure.getSQLState() + "]";
            }
            throw new MigrationFailedException("The " + event.fileName() + " " + (failure.statementNumber > 0
                    ? "statement " + failure.statementNumber + " of the " : "") + failure.where + " failed on "
                    + target + ".\nDatabase message: " + message, null, null, null, failure.statementNumber, false,
                    cause);
        }
    }
}
