package dev.cairn.migrations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One PostgreSQL server per JVM: the one named by {@code CAIRN_TEST_PG_URL} (a JDBC URL with credentials),
 * else real server binaries from Maven Central started here. Tests isolate themselves in fresh schemas.
 */
final class PostgresServer {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static String baseUrl;

    private PostgresServer() {
    }

    static synchronized String baseUrl() {
        if (baseUrl == null) {
            String external = System.getenv("CAIRN_TEST_PG_URL");
            if (external != null && !external.isBlank()) {
                baseUrl = external;
            } else {
                try {
                    EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            server.close();
                        } catch (IOException ignored) {
                            // The JVM is exiting; the server's files are temporary.
                        }
                    }));
                    baseUrl = server.getJdbcUrl("postgres", "postgres");
                } catch (IOException failure) {
                    throw new UncheckedIOException("Cannot start embedded PostgreSQL", failure);
                }
            }
        }
        return baseUrl;
    }

    /** A new, empty schema; returns its name. */
    static String freshSchema(String prefix) {
        String schema = (prefix + "_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet())
                .toLowerCase(java.util.Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(baseUrl());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException failure) {
            throw new IllegalStateException("Cannot create schema " + schema, failure);
        }
        return schema;
    }

    /** A JDBC URL whose connections use {@code schema}. */
    static String url(String schema) {
        String base = baseUrl();
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(baseUrl());
        return dataSource;
    }
}
