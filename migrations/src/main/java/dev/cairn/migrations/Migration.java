package dev.cairn.migrations;

/**
 * One versioned change: SQL ({@link SqlMigration}) or Java code ({@link JavaMigration}). Implementations are
 * immutable values and thread-safe.
 */
public sealed interface Migration permits SqlMigration, JavaMigration {

    /** The version, unique within the module. */
    MigrationVersion version();

    /** A short human description, such as {@code add index on title}. */
    String description();

    /** The name recorded in the history table and shown in errors: a file name or a class name. */
    String script();
}
