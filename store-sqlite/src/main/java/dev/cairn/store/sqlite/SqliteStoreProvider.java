package dev.cairn.store.sqlite;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.NoSuchStoreException;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.StoreException;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreCapability;
import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.Migrator;
import dev.cairn.store.jdbc.JdbcDialect;
import dev.cairn.store.jdbc.JdbcStore;
import dev.cairn.store.jdbc.MigrateMode;
import dev.cairn.store.jdbc.SqlStoreProvider;
import dev.cairn.store.jdbc.StoreProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteOpenMode;

/**
 * The provider of scheme {@code sqlite}: {@code sqlite:PATH} opens (and creates) the SQLite file at PATH,
 * relative to the working folder unless absolute; its parent folders are made if missing. A configuration that
 * does not {@link CairnConfig#createIfMissing() create} a missing store makes neither, and fails with a
 * {@link NoSuchStoreException}, in {@link #open} and {@link #migrator(CairnConfig)} alike. Thread-safe.
 *
 * <p>{@code sqlite::memory:} opens a private SQLite database in memory, gone when the store closes: SQLite's
 * own SQL and constraints, for tests, on one connection that units of work take in turn.
 *
 * <p>Every connection runs in WAL mode (readers never wait for the writer, nor the writer for readers),
 * with foreign keys on and a busy timeout, so that several threads and several processes can share one
 * file; a unit of work that finds the file locked waits up to the timeout and never reports "database is
 * locked" before then.
 *
 * <p>Properties, in the configuration or the URL's query string:
 * <ul>
 *   <li>{@code migrate}: {@code auto} (default) applies pending migrations on opening, {@code validate}
 *       refuses a database that is behind or altered, {@code off} leaves the schema alone;</li>
 *   <li>{@code busyTimeout}: milliseconds a unit of work waits for another process's lock, 30000 unless
 *       set.</li>
 * </ul>
 * A {@link CairnConfig#dataSource() DataSource} given by the caller is used instead of connections made
 * here; it must give connections to one SQLite file, ideally in WAL mode.
 *
 * <p>{@link #migrator(CairnConfig)} connects the migration engine to the same file, for tools that migrate
 * without opening a store.
 */
public final class SqliteStoreProvider implements SqlStoreProvider {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStoreProvider.class);
    /** The URL scheme served. */
    public static final String SCHEME = "sqlite";

    /** The location of a private database in memory: {@code sqlite::memory:}. */
    static final String IN_MEMORY = ":memory:";

    /** For {@link java.util.ServiceLoader}, and for explicit registration. */
    public SqliteStoreProvider() {
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public JdbcDialect dialect() {
        return SqliteDialect.INSTANCE;
    }

    /**
     * @throws NoSuchStoreException        when the file does not exist and the configuration does not create it
     * @throws StoreConfigurationException when the URL names no file or a property is invalid
     */
    @Override
    public Store open(CairnConfig config) {
        MigrateMode migrate = MigrateMode.parse(config.property(MigrateMode.PROPERTY).orElse(null));
        Duration busyTimeout = StoreProperties.millis(config, "busyTimeout", 30_000);
        JdbcStore.Builder builder = JdbcStore.builder(SqliteDialect.INSTANCE)
                .description(config.maskedUrl())
                .migrationSet(new SqliteMigrationSet())
                .migrateMode(migrate)
                .busyTimeout(busyTimeout)
                .capabilities(EnumSet.of(StoreCapability.PERSISTENT, StoreCapability.MULTI_PROCESS));
        if (config.dataSource().isPresent()) {
            return builder.dataSource(config.dataSource().get()).open();
        }
        if (config.location().equals(IN_MEMORY)) {
            SQLiteConfig memory = new SQLiteConfig();
            memory.enforceForeignKeys(true);
            return builder.capabilities(EnumSet.noneOf(StoreCapability.class))
                    .singleConnection(true)
                    .connections(() -> memory.createConnection("jdbc:sqlite::memory:"))
                    .open();
        }
        Path file = config.createIfMissing() ? withFolder(file(config)) : existing(config);
        if (!Files.exists(file)) {
            LOG.info("Creating the SQLite store file {}", file.toAbsolutePath());
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        if (!config.createIfMissing()) {
            // Should the file go between the check and the first connection, the driver makes none either.
            sqlite.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // In WAL mode NORMAL never corrupts the file; a power cut may lose the last commits, not a crash.
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.enforceForeignKeys(true);
        sqlite.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        String jdbcUrl = jdbcUrl(file);
        StoreProperties.checkDriverSettings(config, jdbcUrl, Map.of());
        LOG.debug("SQLite store {}: {} in WAL mode, busy timeout {} ms", config.maskedUrl(), jdbcUrl,
                busyTimeout.toMillis());
        return builder.connections(() -> sqlite.createConnection(jdbcUrl)).open();
    }

    /**
     * A migrator of the file {@code sqlite:PATH} names, as {@link #open} reads it, or of the configuration's
     * DataSource; no folder is made.
     *
     * @throws NoSuchStoreException        when the file does not exist and the configuration does not create it
     * @throws StoreConfigurationException for {@code sqlite::memory:}, which lives only as long as its store, or a URL
     *                                     that names no file
     */
    @Override
    public Migrator.Builder migrator(CairnConfig config) {
        if (config.dataSource().isPresent()) {
            return Migrator.builder().dialect(Dialect.SQLITE).dataSource(config.dataSource().get());
        }
        if (config.location().equals(IN_MEMORY)) {
            throw new StoreConfigurationException("Cannot migrate " + config.maskedUrl() + ": a SQLite database in "
                    + "memory is gone when its store closes, and holds no schema apart from it. Migrate a file, such as "
                    + "sqlite:plan.db.");
        }
        String jdbcUrl = jdbcUrl(config.createIfMissing() ? file(config) : existing(config));
        StoreProperties.checkDriverSettings(config, jdbcUrl, Map.of());
        return Migrator.builder().dialect(Dialect.SQLITE).jdbcUrl(jdbcUrl);
    }

    /**
     * A migrator of one SQLite file, for tools that migrate many files by their paths, such as the command line's
     * {@code migrate --folder}; no folder is made.
     *
     * @param file the SQLite file, relative to the working folder or absolute
     * @return a migrator builder for that file, with its dialect and JDBC URL set
     * @throws dev.cairn.migrations.UnsafeDriverSettingException when the path reads as a driver setting that would
     *                                                           run code ({@link dev.cairn.migrations.DriverSettings})
     */
    public Migrator.Builder migrator(Path file) {
        return Migrator.builder().dialect(Dialect.SQLITE).jdbcUrl(jdbcUrl(file.toAbsolutePath()));
    }

    private static String jdbcUrl(Path file) {
        return "jdbc:sqlite:" + file;
    }

    /** The absolute path of the file {@code sqlite:PATH} names. */
    private static Path file(CairnConfig config) {
        String path = config.location();
        if (path.isBlank() || path.startsWith("file:")) {
            throw new StoreConfigurationException("Invalid SQLite store url " + config.maskedUrl()
                    + ": name a file, such as sqlite:plan.db or sqlite:/var/lib/cairn/plan.db, or use sqlite::memory: "
                    + "for a private database in memory.");
        }
        try {
            return Path.of(path).toAbsolutePath();
        } catch (InvalidPathException e) {
            throw new StoreConfigurationException("Invalid SQLite file '" + path + "' (url=" + config.maskedUrl()
                    + "): " + e.getMessage(), e);
        }
    }

    /** The file {@code sqlite:PATH} names, which must exist: nothing is made. */
    private static Path existing(CairnConfig config) {
        Path file = file(config);
        if (!Files.isRegularFile(file)) {
            throw new NoSuchStoreException(file, config.maskedUrl());
        }
        return file;
    }

    /** {@code file}, its parent folders made if missing. */
    private static Path withFolder(Path file) {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder of the SQLite file " + file + ": " + e.getMessage(), e);
        }
        return file;
    }

    @Override
    public String toString() {
        return "SqliteStoreProvider[scheme=" + SCHEME + "]";
    }
}
