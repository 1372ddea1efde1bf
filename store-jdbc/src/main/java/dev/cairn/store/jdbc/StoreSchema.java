package dev.cairn.store.jdbc;

import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.StoreException;
import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.MigrationException;
import dev.cairn.migrations.MigrationInfo;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationState;
import dev.cairn.migrations.MigrationValidationException;
import dev.cairn.migrations.MigrationVersion;
import dev.cairn.migrations.Migrator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A store's schema as the migration engine sees it, through the backend's migration set: migrated or checked
 * when the store opens ({@link MigrateMode}), and its applied versions, for {@code Cairn.health()}. Immutable
 * and thread-safe.
 */
final class StoreSchema {
    private final JdbcDialect dialect;
    private final MigrationSet migrationSet;
    private final String schema;
    private final Duration lockTimeout;
    private final String description;
    private final boolean transactionPooling;

    /** {@code migrationSet} may be null when the schema is left alone ({@link MigrateMode#OFF}). */
    StoreSchema(JdbcDialect dialect, MigrationSet migrationSet, String schema, Duration lockTimeout,
                String description, boolean transactionPooling) {
        this.dialect = dialect;
        this.migrationSet = migrationSet;
        this.schema = schema;
        this.lockTimeout = lockTimeout;
        this.description = description;
        this.transactionPooling = transactionPooling;
    }

    /**
     * Does to the schema of {@code target} what {@code mode} says, as a store opens.
     *
     * @throws StoreConfigurationException when {@code validate} finds the schema behind or altered, or the
     *                                     migrations do not fit the database
     * @throws StoreException              when a migration fails
     */
    void onOpening(DataSource target, MigrateMode mode) {
        if (mode == MigrateMode.OFF) {
            return;
        }
        Migrator migrator = migrator(target);
        // One query when nothing is to do: no lock, so an up-to-date store opens while another process migrates
        // or holds the lock; any difference goes to the full engine below, which checks and says what. Opening to
        // migrate compares the applied versions (the checksums are checked by every migrate that has work, and by
        // migrate validate); opening to validate compares the checksums too.
        if (mode == MigrateMode.AUTO ? migrator.versionsUpToDate() : migrator.upToDate()) {
            return;
        }
        try {
            if (mode == MigrateMode.AUTO) {
                migrator.migrate();
                return;
            }
            migrator.validate();
            List<MigrationInfo> pending = migrator.info().stream()
                    .filter(info -> info.module().equals(migrationSet.module()))
                    .filter(info -> info.state() == MigrationState.PENDING)
                    .toList();
            if (!pending.isEmpty()) {
                throw new StoreConfigurationException("The " + dialect.name() + " store " + description
                        + " is behind: " + pending.size() + " migration(s) of module '" + migrationSet.module()
                        + "' not applied, from " + pending.get(0).script() + ". Open it with migrate=auto, "
                        + "or migrate it first; migrate=validate changes nothing.");
            }
        } catch (MigrationValidationException | MigrationConfigurationException refused) {
            throw new StoreConfigurationException("The schema of the " + dialect.name() + " store " + description
                    + " does not match its migrations: " + refused.getMessage(), refused);
        } catch (MigrationException failure) {
            throw new StoreException("Cannot migrate the " + dialect.name() + " store " + description + ": "
                    + failure.getMessage(), failure);
        }
    }

    /** The highest applied version of each module in the history table of {@code source}; none without a set. */
    Map<String, String> versions(DataSource source) {
        if (migrationSet == null) {
            return Map.of();
        }
        try {
            Map<String, MigrationVersion> highest = new TreeMap<>();
            for (MigrationInfo info : migrator(source).info()) {
                if (info.state() == MigrationState.APPLIED || info.state() == MigrationState.BASELINE) {
                    highest.merge(info.module(), info.version(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            }
            Map<String, String> versions = new TreeMap<>();
            highest.forEach((module, version) -> versions.put(module, version.toString()));
            return versions;
        } catch (MigrationException failure) {
            throw new StoreException("Cannot read the schema history of the " + dialect.name() + " store "
                    + description + ": " + failure.getMessage(), failure);
        }
    }

    private Migrator migrator(DataSource target) {
        return Migrator.builder()
                .dataSource(target)
                .dialect(dialect.migrationDialect())
                .sets(migrationSet)
                .schema(schema)
                .lockTimeout(lockTimeout)
                .transactionPooling(transactionPooling)
                .build();
    }
}
