package dev.cairn.cli;

import dev.cairn.core.CairnConfig;
import dev.cairn.migrations.BackupPolicy;
import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrateAll;
import dev.cairn.migrations.MigrationSets;
import dev.cairn.migrations.Migrator;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The databases one {@code cairn migrate} works on, each with its migrator: the store's own, every SQLite file of
 * a folder, or several schemas of one PostgreSQL database. The store URL is turned into a JDBC URL here, as the
 * stores do it, without opening a store (which would migrate on its own).
 */
final class MigrationTargets {
    static final String CAIRN_MODULE = "cairn";
    static final String LOCATION_MODULE = "app";

    /** Properties the PostgreSQL store reads itself; the others go to the driver. */
    private static final Set<String> OWN_POSTGRES_PROPERTIES = Set.of("user", "password", "schema", "migrate",
            "connectTimeout", "lockTimeout", "poolSize");

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
                String location = config.location();
                String jdbcUrl = location.startsWith("file:")
                        ? "jdbc:h2:file:" + Path.of(location.substring(5)).toAbsolutePath()
                        : "jdbc:h2:" + location;
                yield List.of(new Target(config.maskedUrl(), base(options, Dialect.H2).jdbcUrl(jdbcUrl)));
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
        Migrator.Builder builder = Migrator.builder().dialect(dialect);
        if (options.location != null) {
            if (!Files.isDirectory(options.location)) {
                throw new UsageException("--location " + options.location + " is no folder");
            }
            builder.sets(MigrationSets.directory(options.location, options.module(), dialect));
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

    /** {@code postgresql://[user[:password]@]hosts/database?props}, as the PostgreSQL store reads it. */
    private static List<Target> postgres(CairnConfig config, MigrateOptions options) {
        String location = config.location();
        if (!location.startsWith("//") || location.indexOf('/', 2) < 0) {
            throw new UsageException("Invalid PostgreSQL store url " + config.maskedUrl()
                    + ": name a server and a database, such as postgresql://db.example/plan");
        }
        String rest = location.substring(2);
        String user = config.property("user").orElse(null);
        String password = config.property("password").orElse(null);
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (colon >= 0) {
                password = decode(userInfo.substring(colon + 1));
            }
        }
        Map<String, String> properties = config.properties();
        String driverProperties = properties.entrySet().stream()
                .filter(entry -> !OWN_POSTGRES_PROPERTIES.contains(entry.getKey()))
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        String jdbcUrl = "jdbc:postgresql://" + rest + (driverProperties.isEmpty() ? "" : "?" + driverProperties);
        List<String> schemas = options.schemas != null ? options.schemas
                : config.property("schema").map(List::of).orElse(List.of());
        String shownUrl = config.maskedUrl();
        int query = shownUrl.indexOf('?');
        String server = query < 0 ? shownUrl : shownUrl.substring(0, query);
        if (schemas.isEmpty()) {
            return List.of(new Target(shownUrl, base(options, Dialect.POSTGRESQL).jdbcUrl(jdbcUrl, user, password)));
        }
        List<Target> targets = new ArrayList<>();
        for (String schema : schemas) {
            String name = schema.trim();
            targets.add(new Target(options.schemas == null ? shownUrl : server + " schema " + name,
                    base(options, Dialect.POSTGRESQL).jdbcUrl(jdbcUrl, user, password).schema(name)));
        }
        return targets;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
