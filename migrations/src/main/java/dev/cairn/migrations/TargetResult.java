package dev.cairn.migrations;

import java.util.Optional;

/**
 * The outcome of migrating one target of a {@link MigrateAll} run: a result or a failure. Immutable and
 * thread-safe.
 *
 * @param target the file or schema
 * @param result the result, or null on failure
 * @param failure the failure, or null on success
 */
public record TargetResult(String target, MigrateResult result, MigrationException failure) {

    /**
     * Whether this target migrated.
     *
     * @return true when there is a result and no failure
     */
    public boolean succeeded() {
        return failure == null;
    }

    /**
     * The result, when this target migrated.
     *
     * @return the migrate result, or empty when it failed
     */
    public Optional<MigrateResult> resultIfSucceeded() {
        return Optional.ofNullable(result);
    }
}
