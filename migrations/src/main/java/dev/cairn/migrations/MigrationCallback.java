package dev.cairn.migrations;

import java.sql.Connection;

/**
 * Java code run at the points of a migrate run where Flyway runs its callbacks ({@code beforeMigrate},
 * {@code beforeEachMigrate}, {@code afterEachMigrate}, {@code afterEachMigrateError}, {@code afterMigrate},
 * {@code afterMigrateError}), after the location's callback files of the same name. Implementations must be
 * thread-safe; the engine calls them from one thread at a time.
 *
 * <p>The connection is the migrating one; for the {@code …Each…} events it is inside the migration's
 * transaction where the database allows one, so do not commit, roll back or close it.
 */
@FunctionalInterface
public interface MigrationCallback {

    /** The points of a run, named as Flyway names its callback files. */
    enum Event {
        /** Once, at the start of a migrate run. */
        BEFORE_MIGRATE("beforeMigrate"),
        /** Before each migration. */
        BEFORE_EACH_MIGRATE("beforeEachMigrate"),
        /** After each migration that succeeded. */
        AFTER_EACH_MIGRATE("afterEachMigrate"),
        /** After each migration that failed. */
        AFTER_EACH_MIGRATE_ERROR("afterEachMigrateError"),
        /** Once, after a run that succeeded. */
        AFTER_MIGRATE("afterMigrate"),
        /** Once, after a run that failed. */
        AFTER_MIGRATE_ERROR("afterMigrateError");

        private final String fileName;

        Event(String fileName) {
            this.fileName = fileName;
        }

        /**
         * The callback file's name without {@code .sql}, as in a Flyway location.
         *
         * @return the name, such as {@code beforeMigrate}
         */
        public String fileName() {
            return fileName;
        }
    }

    /**
     * Runs at {@code event}. Any exception fails the run (before or after a migration: that migration).
     *
     * @param event      the point of the run reached
     * @param connection the migrating connection
     * @param migration the migration about to run or just run, for the {@code …Each…} events; else null
     * @throws Exception anything; it fails the run
     */
    void handle(Event event, Connection connection, MigrationInfo migration) throws Exception;
}
