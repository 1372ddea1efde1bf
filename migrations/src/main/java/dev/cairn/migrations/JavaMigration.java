package dev.cairn.migrations;

import java.sql.Connection;

/**
 * A migration written in Java, typically for data changes. Implementations should be stateless and
 * thread-safe; the engine calls them from one thread at a time.
 *
 * <p>The connection is inside the migration's transaction where the database allows one: do not commit,
 * roll back, change auto-commit or close it.
 */
public non-sealed interface JavaMigration extends Migration {

    /**
     * Applies the change. Any exception fails the migration.
     *
     * @param connection the connection to the migrated database, in the migration's transaction
     * @throws Exception anything; it fails the migration
     */
    void migrate(Connection connection) throws Exception;

    /**
     * Reverts the change; only called when {@link #canUndo()} is true.
     *
     * @param connection the connection to the migrated database, in the undo's transaction
     * @throws Exception anything; the undo then fails
     */
    default void undo(Connection connection) throws Exception {
        throw new UnsupportedOperationException(script() + " cannot be undone");
    }

    /**
     * Whether {@link #undo(Connection)} is implemented.
     *
     * @return true when this migration can be undone; false unless overridden
     */
    default boolean canUndo() {
        return false;
    }

    /**
     * A checksum of the migration's logic, compared with the stored one by validation.
     *
     * @return the checksum, or null (the default) to skip checksum validation for it
     */
    default String checksum() {
        return null;
    }

    /**
     * Whether the migration runs inside a transaction.
     *
     * @return true (the default) unless it uses statements that cannot run in one
     */
    default boolean transactional() {
        return true;
    }

    @Override
    default String script() {
        return getClass().getName();
    }
}
