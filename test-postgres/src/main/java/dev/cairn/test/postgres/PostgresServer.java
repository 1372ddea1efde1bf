package dev.cairn.test.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One PostgreSQL server per JVM for Cairn's tests and benchmarks: the one named by {@code CAIRN_TEST_PG_URL}
 * (a JDBC URL with credentials), else real server binaries from Maven Central, started on first use and
 * stopped when the JVM exits. Tests isolate themselves in fresh schemas, the way jdbi's tests do. Thread-safe.
 */
public final class PostgresServer {
    /** The environment variable naming an external server, as a JDBC URL with credentials. */
    public static final String URL_VARIABLE = "CAIRN_TEST_PG_URL";

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static String baseUrl;

    private PostgresServer() {
    }

    /** The JDBC URL of the server, with credentials; starts the embedded server on first use. */
    public static synchronized String jdbcUrl() {
        if (baseUrl == null) {
            String external = System.getenv(URL_VARIABLE);
            if (external != null && !external.isBlank()) {
                baseUrl = external;
            } else {
                EmbeddedPostgres server = start(EmbeddedPostgres.builder());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server)));
                baseUrl = server.getJdbcUrl("postgres", "postgres");
            }
        }
        return baseUrl;
    }

    /** The server's URL in Cairn's form ({@code postgresql://…}), its connections using {@code schema}. */
    public static String cairnUrl(String schema) {
        String url = jdbcUrl().substring("jdbc:".length());
        return url + (url.contains("?") ? "&" : "?") + "schema=" + schema;
    }

    /** A new, empty schema named after {@code prefix}, unique in this server; returns its name. */
    public static String freshSchema(String prefix) {
        String schema = (prefix + "_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet())
                .toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    /** A schema name unique in this server, not created: for code that must create it itself. */
    public static String unusedSchema(String prefix) {
        return (prefix + "_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet())
                .toLowerCase(Locale.ROOT);
    }

    /** Drops {@code schema} and all in it; a schema too large for the server's lock table is left behind. */
    public static void dropSchema(String schema) {
        try {
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (IllegalStateException tooManyLocks) {
            System.err.println("Left schema " + schema + " behind: " + tooManyLocks.getCause().getMessage());
        }
    }

    /** A JDBC URL whose connections use {@code schema}. */
    public static String jdbcUrl(String schema) {
        String base = jdbcUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Connections to the server, in its default schema. */
    public static DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl());
        return dataSource;
    }

    /** Connections to the server whose current schema is {@code schema}. */
    public static DataSource dataSource(String schema) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl(schema));
        return dataSource;
    }

    /** Runs one statement on a connection of its own. */
    public static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException(sql + " failed: " + failure.getMessage(), failure);
        }
    }

    static EmbeddedPostgres start(EmbeddedPostgres.Builder builder) {
        try {
            // Dropping a schema of many tables takes a lock per table; the default table of 64 is too small.
            // A test server need not survive a power cut: commits need not wait for the disk.
            return builder.setServerConfig("max_locks_per_transaction", "4096")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL: " + failure.getMessage(), failure);
        }
    }

    static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException ignored) {
            // Stopping is best effort: the JVM is exiting and the server's files are temporary.
        }
    }
}
