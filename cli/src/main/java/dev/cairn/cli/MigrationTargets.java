package dev.cairn.cli;

import dev.cairn.core.CairnConfig;
import dev.cairn.migrations.BackupPolicy;
import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrateAll;
import dev.cairn.migrations.Migrator;
import dev.cairn.store.h2.H2StoreProvider;
import dev.cairn.store.postgres.PostgresStoreProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The databases one {@code cairn migrate} works on, each with its migrator: the store's own, every SQLite file of
 * a folder, or several schemas of one PostgreSQL database, without opening a store (which would migrate on its
 * own). An H2 or PostgreSQL URL is read by its store's own {@link H2StoreProvider#migrator} or
 * {@link PostgresStoreProvider#migrator}, which refuse driver settings that run code.
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
        String scheme = config.scheme();
        return switch (scheme) {
            case "sqlite" -> {
                noSchemas(options, config);
                String path = config.location();
                if (path.equals(":memory:") || path.isBlank()) {
                    throw new UsageException("sqlite::memory: is gone when the command ends; migrate a file, such as "
                            + "--url sqlite:plan.db");
                }
                Path file = Path.of(path).toAbsolutePath();
                yield List.of(new Target(config.maskedUrl(), sqlite(file, options)));
            }
            case "h2" -> {
                noSchemas(options, config);
                yield List.of(new Target(config.maskedUrl(),
                        withOptions(H2StoreProvider.migrator(config), options, Dialect.H2)));
            }
            case "postgresql", "postgres" -> postgres(config, options);
            default -> throw new UsageException("'" + scheme + ":' keeps no schema to migrate: migrate works on "
                    + "sqlite:, h2: and postgresql: stores");
        };
    }

    private static void noSchemas(MigrateOptions options, CairnConfig config) {
        if (options.schemas != null) {
            throw new UsageException("--schemas needs a postgresql: store, not " + config.maskedUrl());
        }
    }

    private static Migrator.Builder base(MigrateOptions options, Dialect dialect) {
        return withOptions(Migrator.builder().dialect(dialect), options, dialect);
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

    private static Migrator.Builder sqlite(Path file, MigrateOptions options) {
        return base(options, Dialect.SQLITE).jdbcUrl("jdbc:sqlite:" + file);
    }

    private static List<Target> sqliteFolder(Path folder, MigrateOptions options) {
        if (!Files.isDirectory(folder)) {
            throw new UsageException("--folder " + folder + " is no folder");
        }
        List<Target> targets = new ArrayList<>();
        for (Path file : MigrateAll.sqliteFiles(folder)) {
            targets.add(new Target(file.toString(), sqlite(file.toAbsolutePath(), options)));
        }
        return targets;
    }

    /** The database of a {@code postgresql:} URL, read as the PostgreSQL store reads it, or several of its schemas. */
    private static List<Target> postgres(CairnConfig config, MigrateOptions options) {
        List<String> schemas = options.schemas != null ? options.schemas
                : config.property("schema").map(List::of).orElse(List.of());
        String shownUrl = config.maskedUrl();
        int query = shownUrl.indexOf('?');
        String server = query < 0 ? shownUrl : shownUrl.substring(0, query);
        if (schemas.isEmpty()) {
            return List.of(new Target(shownUrl, postgresMigrator(config, options)));
        }
        List<Target> targets = new ArrayList<>();
        for (String schema : schemas) {
            String name = schema.trim();
            targets.add(new Target(options.schemas == null ? shownUrl : server + " schema " + name,
                    postgresMigrator(config, options).schema(name)));
        }
        return targets;
    }

    private static Migrator.Builder postgresMigrator(CairnConfig config, MigrateOptions options) {
        return withOptions(PostgresStoreProvider.migrator(config), options, Dialect.POSTGRESQL);
    }
}
