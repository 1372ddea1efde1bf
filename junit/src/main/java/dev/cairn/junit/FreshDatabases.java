package dev.cairn.junit;

import dev.cairn.core.Cairn;
import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationSets;
import dev.cairn.migrations.Migrator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteDataSource;

/** Makes and removes the fresh stores and databases. Thread-safe. */
final class FreshDatabases {
    /** The module of a location's migrations, as the command line names it. */
    static final String MODULE = "app";
    private static final String SCHEMA_PREFIX = "cairn_test_";

    private FreshDatabases() {
    }

    static FreshStore store(Backend backend, ExtensionContext context) {
        switch (backend) {
            case MEMORY:
                return new FreshStore(Cairn.open("memory:"), () -> { });
            case SQLITE: {
                Path folder = temporaryFolder();
                try {
                    return new FreshStore(Cairn.open("sqlite:" + folder.resolve("plan.db")), () -> delete(folder));
                } catch (RuntimeException failure) {
                    delete(folder);
                    throw failure;
                }
            }
            case POSTGRESQL: {
                String server = postgresUrl(context);
                String schema = schemaName();
                String url = server.substring("jdbc:".length());
                try {
                    Cairn cairn = Cairn.open(url + (url.contains("?") ? "&" : "?") + "schema=" + schema);
                    return new FreshStore(cairn, () -> dropSchema(server, schema));
                } catch (RuntimeException failure) {
                    dropSchema(server, schema);
                    throw failure;
                }
            }
            default:
                throw new IllegalArgumentException("Unknown backend " + backend);
        }
    }

    static FreshDataSource migrated(MigratedDataSource wanted, ExtensionContext context) {
        ClassLoader loader = context.getTestClass().map(Class::getClassLoader)
                .orElse(Thread.currentThread().getContextClassLoader());
        switch (wanted.backend()) {
            case SQLITE: {
                Path folder = temporaryFolder();
                SQLiteDataSource dataSource = new SQLiteDataSource();
                dataSource.setUrl("jdbc:sqlite:" + folder.resolve("test.db"));
                FreshDataSource fresh = new FreshDataSource(dataSource, () -> delete(folder));
                return migrate(fresh, wanted, Dialect.SQLITE, null, loader);
            }
            case POSTGRESQL: {
                String server = postgresUrl(context);
                String schema = schemaName();
                execute(server, "CREATE SCHEMA " + schema);
                PGSimpleDataSource dataSource = new PGSimpleDataSource();
                dataSource.setURL(server);
                dataSource.setCurrentSchema(schema);
                FreshDataSource fresh = new FreshDataSource(dataSource, () -> dropSchema(server, schema));
                return migrate(fresh, wanted, Dialect.POSTGRESQL, schema, loader);
            }
            default:
                throw new ExtensionConfigurationException("@MigratedDataSource(backend = " + wanted.backend()
                        + "): use SQLITE or POSTGRESQL, which keep a SQL database");
        }
    }

    private static FreshDataSource migrate(FreshDataSource fresh, MigratedDataSource wanted, Dialect dialect,
                                           String schema, ClassLoader loader) {
        try {
            Migrator.Builder builder = Migrator.builder().dialect(dialect).dataSource(fresh.dataSource()).schema(schema)
                    .sets(location(wanted.location(), dialect, loader));
            for (String placeholder : wanted.placeholders()) {
                int equals = placeholder.indexOf('=');
                if (equals <= 0) {
                    throw new ExtensionConfigurationException("@MigratedDataSource placeholder '" + placeholder
                            + "' must read KEY=VALUE");
                }
                builder.placeholder(placeholder.substring(0, equals), placeholder.substring(equals + 1));
            }
            builder.build().migrate();
            return fresh;
        } catch (RuntimeException failure) {
            fresh.close();
            throw failure;
        }
    }

    /** {@code classpath:FOLDER} (a folder on disk read whole, one in a jar through its index.txt) or a folder. */
    static MigrationSet location(String location, Dialect dialect, ClassLoader loader) {
        if (location.startsWith("classpath:")) {
            String folder = location.substring("classpath:".length()).replaceFirst("^/+", "");
            URL url = loader.getResource(folder);
            if (url == null) {
                throw new ExtensionConfigurationException("Migration location '" + location
                        + "': no such folder on the class path");
            }
            if (url.getProtocol().equals("file")) {
                try {
                    return MigrationSets.directory(Path.of(url.toURI()), MODULE, dialect);
                } catch (URISyntaxException impossible) {
                    throw new IllegalStateException(impossible);
                }
            }
            return MigrationSets.classpath(loader, folder, MODULE, dialect);
        }
        Path folder = Path.of(location.startsWith("filesystem:") ? location.substring("filesystem:".length())
                : location);
        if (!Files.isDirectory(folder)) {
            throw new ExtensionConfigurationException("Migration location '" + location + "': " + folder.toAbsolutePath()
                    + " is no folder");
        }
        return MigrationSets.directory(folder, MODULE, dialect);
    }

    /** The server's JDBC URL, from the configuration parameter (or system property), else the environment. */
    static String postgresUrl(ExtensionContext context) {
        String url = context.getConfigurationParameter(CairnExtension.POSTGRES_URL_PARAMETER)
                .orElse(System.getenv(CairnExtension.POSTGRES_URL_VARIABLE));
        if (url == null || url.isBlank()) {
            throw new ExtensionConfigurationException("Backend.POSTGRESQL needs a server: set the system property or "
                    + "JUnit configuration parameter " + CairnExtension.POSTGRES_URL_PARAMETER
                    + " (or the environment variable " + CairnExtension.POSTGRES_URL_VARIABLE
                    + ") to a JDBC URL with credentials, such as jdbc:postgresql://localhost:5432/postgres?user=me&password=secret");
        }
        url = url.trim();
        if (url.startsWith("postgresql://")) {
            url = "jdbc:" + url;
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new ExtensionConfigurationException(CairnExtension.POSTGRES_URL_PARAMETER + " must be a JDBC URL "
                    + "starting with jdbc:postgresql://, not '" + url.replaceAll("password=[^&]*", "password=***") + "'");
        }
        return url;
    }

    private static String schemaName() {
        return (SCHEMA_PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 16)).toLowerCase(Locale.ROOT);
    }

    private static void dropSchema(String server, String schema) {
        execute(server, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String server, String sql) {
        try (Connection connection = DriverManager.getConnection(server);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException(sql + " failed: " + failure.getMessage(), failure);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("cairn-test-");
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot make a temporary folder: " + failure.getMessage(), failure);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot delete " + folder + ": " + failure.getMessage(), failure);
        }
    }
}
