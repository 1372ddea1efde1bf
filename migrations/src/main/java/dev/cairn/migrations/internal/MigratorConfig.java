package dev.cairn.migrations.internal;

import dev.cairn.migrations.BackupPolicy;
import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationCallback;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A migrator's checked configuration. Immutable and thread-safe.
 *
 * @param connections where connections come from
 * @param dialect the dialect, or null to detect it from the connection
 * @param sets the sets to use, or null to use the registered sets for the dialect
 * @param classLoader the class loader for registered sets
 * @param placeholders placeholder values
 * @param targets the target version per module (absent: latest)
 * @param historyTable the history table name
 * @param lockTimeout how long to wait for the lock
 * @param backup the SQLite backup policy
 * @param schema the schema to migrate, or null for the connection's current schema
 * @param installedBy the user recorded in the history, or null for the connection's user
 * @param outOfOrder whether a pending version below the newest applied one is applied (Flyway's outOfOrder)
 * @param cleanEnabled whether {@code clean} may drop the managed schema's objects (Flyway's cleanEnabled)
 * @param callbacks Java callbacks, in order
 * @param transactionPooling whether connections reach the database through a transaction-pooling proxy, so that
 *                           the lock lives inside each migration's transaction and no session state is relied on
 */
public record MigratorConfig(ConnectionSource connections, Dialect dialect, List<MigrationSet> sets,
                             ClassLoader classLoader, Map<String, String> placeholders,
                             Map<String, MigrationVersion> targets, String historyTable, Duration lockTimeout,
                             BackupPolicy backup, String schema, String installedBy,
                             boolean outOfOrder, boolean cleanEnabled, List<MigrationCallback> callbacks,
                             boolean transactionPooling) {
}
