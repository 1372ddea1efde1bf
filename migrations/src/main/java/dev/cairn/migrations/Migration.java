package dev.cairn.migrations;

/**
 * One change: versioned SQL ({@link SqlMigration}), Java code ({@link JavaMigration}), or repeatable SQL
 * ({@link RepeatableMigration}). Implementations are immutable values and thread-safe.
 */
public sealed interface Migration permits SqlMigration, JavaMigration, RepeatableMigration {

    /**
     * The version, unique within the module.
     *
     * @return the version, or null for a {@link RepeatableMigration}
     */
    MigrationVersion version();

    /**
     * A short human description.
     *
     * @return the description, such as {@code add index on title}
     */
    String description();

    /**
     * The name recorded in the history table and shown in errors.
     *
     * @return a file name or a class name
     */
    String script();
}
