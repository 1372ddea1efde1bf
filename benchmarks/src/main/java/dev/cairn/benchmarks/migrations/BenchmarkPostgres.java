package dev.cairn.benchmarks.migrations;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL server per benchmark JVM: the one named by {@code CAIRN_TEST_PG_URL}, else server
 * binaries from Maven Central started here. Each use gets a fresh schema. Thread-safe.
 */
final class BenchmarkPostgres {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static String baseUrl;

    private BenchmarkPostgres() {
    }

    static synchronized String baseUrl() {
        if (baseUrl == null) {
            String external = System.getenv("CAIRN_TEST_PG_URL");
            if (external != null && !external.isBlank()) {
                baseUrl = external;
            } else {
                try {
                    // Dropping a schema of 10,000 tables takes a lock per table.
                    EmbeddedPostgres server = EmbeddedPostgres.builder()
                            .setServerConfig("max_locks_per_transaction", "4096")
                            .start();
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

    static String freshSchema() {
        String schema = "bench_" + ProcessHandle.current().pid() + "_" + SCHEMAS.incrementAndGet();
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    static void dropSchema(String schema) {
        if (schema != null) {
            try {
                execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (IllegalStateException tooManyLocks) {
                // A server with few lock slots cannot drop a very large schema at once; it is only left over.
                System.err.println("Left schema " + schema + " behind: " + tooManyLocks.getCause().getMessage());
            }
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(baseUrl());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException failure) {
            throw new IllegalStateException(sql + " failed", failure);
        }
    }
}
