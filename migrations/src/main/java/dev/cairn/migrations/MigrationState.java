package dev.cairn.migrations;

/** The state of one migration as {@code info} reports it. Immutable and thread-safe. */
public enum MigrationState {
    /** Local, not yet applied. */
    PENDING,
    /** Applied successfully. */
    APPLIED,
    /** Applied successfully after a later version of its module was (allowed by {@code outOfOrder}). */
    OUT_OF_ORDER,
    /** Applied and failed (a database that commits DDL); needs {@code repair}. */
    FAILED,
    /** Applied, but no longer present locally. */
    MISSING,
    /** A baseline marker: everything up to this version was adopted as is. */
    BASELINE,
    /** Local, at or below the module's baseline: never applied. */
    BELOW_BASELINE,
    /** Local, above the configured target version. */
    ABOVE_TARGET
}
