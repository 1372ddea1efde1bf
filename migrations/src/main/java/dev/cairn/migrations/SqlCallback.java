package dev.cairn.migrations;

import java.util.Objects;

/**
 * A callback file of a location ({@code beforeMigrate.sql}, {@code afterEachMigrate.sql}, …, Flyway's names):
 * SQL run at its event. Immutable and thread-safe.
 *
 * @param event when it runs
 * @param script the file name
 * @param sql the SQL text as written (placeholders not yet replaced)
 */
public record SqlCallback(MigrationCallback.Event event, String script, String sql) {

    /**
     * Checks that no value is missing.
     *
     * @param event when it runs
     * @param script the file name
     * @param sql the SQL text as written (placeholders not yet replaced)
     * @throws NullPointerException naming the missing value
     */
    public SqlCallback {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(sql, "sql of " + script);
    }
}
