package dev.cairn.benchmarks;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.test.postgres.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;

/**
 * The SQL databases {@link SqlStoreBenchmark} runs on: each gives fresh, empty databases that Cairn reaches
 * by URL and the raw-JDBC baseline by a connection set up as Cairn's store sets up its own. Adding a
 * backend is one more constant. Thread-safe.
 */
enum SqlBackend {
    /** A SQLite file in the temporary folder, in WAL mode, as {@code sqlite:} opens it. */
    SQLITE("sqlite") {
        @Override
        Database create() {
            Path folder;
            try {
                folder = Files.createTempDirectory("cairn-bench-sqlite");
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
            Path file = folder.resolve("plan.db");
            return new Database("sqlite:" + file) {
                @Override
                Connection connect() throws SQLException {
                    // SqliteStoreProvider's settings: the same journal, durability and checks.
                    SQLiteConfig sqlite = new SQLiteConfig();
                    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
                    sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
                    sqlite.enforceForeignKeys(true);
                    sqlite.setBusyTimeout(30_000);
                    return sqlite.createConnection("jdbc:sqlite:" + file);
                }

                @Override
                public void close() {
                    try (var files = Files.list(folder)) {
                        for (Path each : files.toList()) {
                            Files.delete(each);
                        }
                        Files.delete(folder);
                    } catch (IOException failure) {
                        throw new UncheckedIOException(failure);
                    }
                }
            };
        }
    },

    /**
     * A schema of its own on the shared PostgreSQL server ({@link PostgresServer}: the one named by
     * {@code CAIRN_TEST_PG_URL}, else embedded binaries), as {@code postgresql:} opens it. The schema is not
     * made beforehand: Cairn creates it on opening, as on a user's first open, like the SQLite file above.
     */
    POSTGRES("postgresql") {
        @Override
        Database create() {
            String schema = PostgresServer.unusedSchema("bench");
            return new Database(PostgresServer.cairnUrl(schema)) {
                @Override
                Connection connect() throws SQLException {
                    // PostgresStoreProvider's driver settings; the schema is current, as the pool makes it.
                    Properties driver = new Properties();
                    driver.setProperty("reWriteBatchedInserts", "true");
                    driver.setProperty("ApplicationName", "cairn");
                    return DriverManager.getConnection(PostgresServer.jdbcUrl(schema), driver);
                }

                @Override
                Connection connectForReads() throws SQLException {
                    // Cairn reads in one read-only snapshot; set for the session, the driver's own BEGIN (sent
                    // with the first query, no round trip of its own) gives each transaction the same.
                    Connection connection = connect();
                    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    connection.setReadOnly(true);
                    return connection;
                }

                @Override
                public void close() {
                    PostgresServer.dropSchema(schema);
                }
            };
        }
    };

    private final String parameter;

    SqlBackend(String parameter) {
        this.parameter = parameter;
    }

    /**
     * The backend a JMH {@code backend} parameter names: its URL scheme, {@code sqlite} or {@code postgresql}.
     *
     * @throws IllegalArgumentException naming the backends there are when none has that name
     */
    static SqlBackend named(String name) {
        for (SqlBackend backend : values()) {
            if (backend.parameter.equals(name.toLowerCase(Locale.ROOT))) {
                return backend;
            }
        }
        throw new IllegalArgumentException("No backend '" + name + "'. Available: "
                + Stream.of(values()).map(backend -> backend.parameter).toList() + ".");
    }

    /** The name a JMH {@code backend} parameter gives this backend. */
    String parameter() {
        return parameter;
    }

    /** A new, empty database; {@link Database#open} gives it Cairn's schema. */
    abstract Database create();

    /** One database of a benchmark, dropped on closing. Not thread-safe. */
    abstract static class Database implements AutoCloseable {
        private final String url;

        Database(String url) {
            this.url = url;
        }

        /** Cairn over this database, migrating it first when it is new; every change is made by "bench". */
        Cairn open() {
            return Cairn.open(CairnConfig.builder(url).actor(RawJdbc.ACTOR).build());
        }

        /** A connection for the baseline, in auto-commit mode, with the session settings Cairn's have. */
        abstract Connection connect() throws SQLException;

        /** A connection for the baseline's reads, its transactions as isolated as Cairn's read units. */
        Connection connectForReads() throws SQLException {
            return connect();
        }

        @Override
        public abstract void close();

        @Override
        public String toString() {
            return CairnConfig.of(url).maskedUrl();
        }
    }
}
