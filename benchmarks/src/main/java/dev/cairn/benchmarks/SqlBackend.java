package dev.cairn.benchmarks;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.sqlite.SQLiteConfig;

/**
 * The SQL databases {@link SqlStoreBenchmark} runs on: each gives fresh, empty databases that Cairn reaches
 * by URL and the raw-JDBC baseline by a connection set up as Cairn's store sets up its own. Adding a
 * backend (PostgreSQL: a fresh schema per database) is one more constant. Thread-safe.
 */
enum SqlBackend {
    /** A SQLite file in the temporary folder, in WAL mode, as {@code sqlite:} opens it. */
    SQLITE {
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
    };

    /** The backend a JMH {@code backend} parameter names, such as {@code sqlite}. */
    static SqlBackend named(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
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

        @Override
        public abstract void close();

        @Override
        public String toString() {
            return url;
        }
    }
}
