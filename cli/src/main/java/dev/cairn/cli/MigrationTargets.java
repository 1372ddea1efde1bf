package dev.cairn.cli;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.spi.StoreProvider;
import dev.cairn.migrations.BackupPolicy;
import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrateAll;
import dev.cairn.migrations.Migrator;
import dev.cairn.store.jdbc.SqlStoreProvider;
import dev.cairn.store.sqlite.SqliteStoreProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The databases one {@code cairn migrate} works on, each with its migrator: the store's own, every SQLite file of
 * a folder, or several schemas of one database, without opening a store (which would migrate on its own). The
 * store's URL is read by the provider that would open it ({@link SqlStoreProvider#migrator}), which refuses driver
 * settings that run code.
 */
final class MigrationTargets {
    static final String CAIRN_MODULE = "cairn";
    static final String LOCATION_MODULE = "app";

    /** One database to migrate. */
    record Target(String name, Migrator.Builder builder) {
        Migrator migrator() {
            return builder.build();
        }
    }

    private MigrationTargets() {
    }

    /**
     * @throws UsageException when the URL names no database that keeps a schema
     */
    static List<Target> of(CairnConfig config, MigrateOptions options) {
        if (options.folder != null && options.schemas != null) {
            throw new UsageException("Give --folder or --schemas, not both");
        }
        if (options.folder != null) {
            return sqliteFolder(options.folder, options);
        }
        SqlStoreProvider provider = sqlProvider(config);
        Dialect dialect = provider.dialect().migrationDialect();
        if (options.schemas == null) {
            return List.of(new Target(config.maskedUrl(), withOptions(provider.migrator(config), options, dialect)));
        }
        if (!provider.schemaPerStore()) {
            throw new UsageException("--schemas needs a postgresql: store, or another whose stores live in schemas, "
                    + "not " + config.maskedUrl());
        }
        String shownUrl = config.maskedUrl();
        int query = shownUrl.indexOf('?');
        String server = query < 0 ? shownUrl : shownUrl.substring(0, query);
        List<Target> targets = new ArrayList<>();
        for (String schema : options.schemas) {
            String name = schema.trim();
            targets.add(new Target(server + " schema " + name,
                    withOptions(provider.migrator(config), options, dialect).schema(name)));
        }
        return targets;
    }

    /** The provider that would open the store, when it is a SQL one: the memory store keeps no schema. */
    private static SqlStoreProvider sqlProvider(CairnConfig config) {
        StoreProvider provider = config.storeProvider();
        if (provider instanceof SqlStoreProvider sql) {
            return sql;
        }
        throw new UsageException("'" + config.scheme() + ":' keeps no schema to migrate: migrate works on "
                + "sqlite:, h2: and postgresql: stores");
    }

    /** {@code builder} with the user's own migrations and backup choice. */
    private static Migrator.Builder withOptions(Migrator.Builder builder, MigrateOptions options, Dialect dialect) {
        if (options.locations != null) {
            builder.sets(MigrateLocations.sets(options, dialect));
        }
        if (options.noBackup) {
            builder.backupPolicy(BackupPolicy.off());
        }
        return builder;
    }

    /** Every SQLite file of {@code folder}, each read by the SQLite store's provider. */
    private static List<Target> sqliteFolder(Path folder, MigrateOptions options) {
        if (!Files.isDirectory(folder)) {
            throw new UsageException("--folder " + folder + " is no folder");
        }
        SqliteStoreProvider sqlite = new SqliteStoreProvider();
        Dialect dialect = sqlite.dialect().migrationDialect();
        List<Target> targets = new ArrayList<>();
        for (Path file : MigrateAll.sqliteFiles(folder)) {
            targets.add(new Target(file.toString(), withOptions(sqlite.migrator(file), options, dialect)));
        }
        return targets;
    }
}
