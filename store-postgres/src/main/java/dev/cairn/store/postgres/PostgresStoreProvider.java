package dev.cairn.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreCapability;
import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.Migrator;
import dev.cairn.store.jdbc.JdbcDialect;
import dev.cairn.store.jdbc.JdbcStore;
import dev.cairn.store.jdbc.MigrateMode;
import dev.cairn.store.jdbc.SqlStoreProvider;
import dev.cairn.store.jdbc.StoreProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The provider of scheme {@code postgresql}:
 * {@code postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DATABASE[?schema=NAME&...]} opens the store in schema NAME
 * of DATABASE (created there, with its tables, when missing; the user's default schema, usually
 * {@code public}, unless set). One schema per tenant lets one database hold many plans. Thread-safe.
 *
 * <p>Connections are pooled with HikariCP. The first one is tried again, backing off, until
 * {@code connectTimeout} has passed, so that an application started together with its database waits for
 * it; a wrong password or a missing database fails at once. A connection lost later (the server restarted)
 * is replaced by the pool, and a unit of work that had not begun on it begins again on another.
 *
 * <p>Properties, in the configuration or the URL's query string:
 * <ul>
 *   <li>{@code user}, {@code password}: credentials, unless the URL carries them;</li>
 *   <li>{@code schema}: the schema of the store;</li>
 *   <li>{@code migrate}: {@code auto} (default) applies pending migrations on opening, {@code validate}
 *       refuses a database that is behind or altered, {@code off} leaves the schema alone;</li>
 *   <li>{@code connectTimeout}: milliseconds to keep trying the first connection, 30000 unless set;</li>
 *   <li>{@code lockTimeout}: milliseconds to wait for the migration lock or a lost connection, 30000;</li>
 *   <li>{@code poolSize}: the most connections the pool opens, 10 unless set;</li>
 *   <li>{@code pooling}: {@code session} (default) or {@code transaction}, when the connections go through a
 *       transaction-pooling proxy such as PgBouncer in {@code pool_mode=transaction}: then no server-side prepared
 *       statement ({@code prepareThreshold=0}), no session setting and no session lock is used, and migrations
 *       lock inside each migration's transaction;</li>
 *   <li>anything else, such as {@code sslmode} or {@code ApplicationName}, goes to the PostgreSQL driver.</li>
 * </ul>
 * A {@link CairnConfig#dataSource() DataSource} given by the caller is used instead of a pool made here; the
 * caller pools and closes it. Cairn sets {@code schema} in each of its own transactions only
 * ({@code SET LOCAL search_path}) and gives every connection back with the search path, auto-commit mode,
 * isolation level, read-only flag and encoding it came with.
 */
public final class PostgresStoreProvider implements SqlStoreProvider {
    /** The URL scheme served. */
    public static final String SCHEME = "postgresql";

    /** Properties the store reads itself; every other one goes to the driver. */
    private static final Set<String> OWN_PROPERTIES = Set.of("user", "password", "schema", MigrateMode.PROPERTY,
            "connectTimeout", "lockTimeout", "poolSize", TransactionPooling.PROPERTY);

    /** For {@link java.util.ServiceLoader}, and for explicit registration. */
    public PostgresStoreProvider() {
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public JdbcDialect dialect() {
        return PostgresDialect.INSTANCE;
    }

    /** The property {@code schema} names the store's schema; one database holds a store per schema. */
    @Override
    public boolean schemaPerStore() {
        return true;
    }

    /**
     * @throws StoreConfigurationException when the URL or a property is invalid, or the server refuses the
     *                                     credentials or has no such database
     * @throws dev.cairn.core.StoreException when the server cannot be reached within {@code connectTimeout}
     */
    @Override
    public Store open(CairnConfig config) {
        String schema = config.property("schema").map(PostgresStoreProvider::schemaName).orElse(null);
        Duration connectTimeout = StoreProperties.millis(config, "connectTimeout", 30_000);
        Duration lockTimeout = StoreProperties.millis(config, "lockTimeout", 30_000);
        int poolSize = StoreProperties.positive(config, "poolSize", 10);
        JdbcStore.Builder builder = JdbcStore.builder(PostgresDialect.INSTANCE)
                .description(config.maskedUrl())
                .migrationSet(new PostgresMigrationSet())
                .migrateMode(MigrateMode.parse(config.property(MigrateMode.PROPERTY).orElse(null)))
                .busyTimeout(lockTimeout)
                .schema(schema)
                .capabilities(EnumSet.of(StoreCapability.PERSISTENT, StoreCapability.MULTI_PROCESS));
        boolean transactionPooling = TransactionPooling.enabled(config);
        builder.transactionPooling(transactionPooling);
        if (config.dataSource().isPresent()) {
            // The caller's connections go back to the caller's pool as they came: the schema is the store's in
            // its own transactions only.
            DataSource dataSource = config.dataSource().get();
            FirstConnection.await(dataSource::getConnection, connectTimeout, config.maskedUrl());
            if (transactionPooling) {
                TransactionPooling.requireNoServerPrepares(dataSource, config.maskedUrl());
            }
            return builder.dataSource(dataSource).schemaPerTransaction(true).open();
        }
        PostgresUrl url = PostgresUrl.parse(config);
        StoreProperties.checkDriverSettings(config, url.jdbcUrl(), driverProperties(config));
        FirstConnection.await(() -> url.connect(driverProperties(config)), connectTimeout, config.maskedUrl());
        HikariDataSource pool = pool(url, config, schema, lockTimeout, poolSize, transactionPooling);
        try {
            // Behind a transaction pooler a session setting would reach whichever session runs the next
            // transaction: the schema and the isolation level are then set in each transaction.
            return builder.dataSource(pool, pool).snapshotSessions(!transactionPooling)
                    .schemaPerTransaction(transactionPooling).open();
        } catch (RuntimeException failure) {
            pool.close();
            throw failure;
        }
    }

    private static HikariDataSource pool(PostgresUrl url, CairnConfig config, String schema, Duration lockTimeout,
                                         int poolSize, boolean transactionPooling) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("cairn-" + url.host() + "-" + url.database() + (schema == null ? "" : "-" + schema));
        hikari.setJdbcUrl(url.jdbcUrl());
        url.user().ifPresent(hikari::setUsername);
        url.password().ifPresent(hikari::setPassword);
        driverProperties(config).forEach(hikari::addDataSourceProperty);
        hikari.setMaximumPoolSize(poolSize);
        if (!transactionPooling) {
            if (schema != null) {
                hikari.setSchema(schema);
            }
            // Reads need one snapshot across their statements; writes set read committed as their first statement.
            hikari.setTransactionIsolation("TRANSACTION_REPEATABLE_READ");
        }
        hikari.setMinimumIdle(1);
        // A unit of work waits this long for a connection, as it waits for a lock.
        hikari.setConnectionTimeout(Math.max(250, lockTimeout.toMillis()));
        // The first connection has been made already; the pool must not fail opening when the server has
        // just gone away again, but make its connections when they are asked for.
        hikari.setInitializationFailTimeout(-1);
        return new HikariDataSource(hikari);
    }

    /**
     * A migrator connected to the database a {@code postgresql:} URL names, with the URL's credentials and
     * driver properties, read as {@link #open} reads them, or to the configuration's DataSource; in the schema of
     * the property {@code schema} when it is set, which {@link Migrator.Builder#schema} may change: for tools that
     * migrate without opening a store, such as the command line's {@code migrate --schemas a,b}.
     *
     * @throws StoreConfigurationException when the URL names no server and database, or the schema is invalid
     */
    @Override
    public Migrator.Builder migrator(CairnConfig config) {
        String schema = config.property("schema").map(PostgresStoreProvider::schemaName).orElse(null);
        boolean transactionPooling = TransactionPooling.enabled(config);
        if (config.dataSource().isPresent()) {
            return Migrator.builder().dialect(Dialect.POSTGRESQL).dataSource(config.dataSource().get()).schema(schema)
                    .transactionPooling(transactionPooling);
        }
        PostgresUrl url = PostgresUrl.parse(config);
        StoreProperties.checkDriverSettings(config, url.jdbcUrl(), driverProperties(config));
        String query = driverProperties(config).entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
        return Migrator.builder().dialect(Dialect.POSTGRESQL)
                .jdbcUrl(url.jdbcUrl() + (query.isEmpty() ? "" : "?" + query), url.user().orElse(null),
                        url.password().orElse(null))
                .schema(schema)
                .transactionPooling(transactionPooling);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * The properties for the driver: Cairn's own left out, the driver's defaults for a store set.
     *
     * @throws StoreConfigurationException for a property the driver does not know, which it would ignore without
     *                                     a word ({@code sslMode=require} would connect without SSL)
     */
    private static Map<String, String> driverProperties(CairnConfig config) {
        Map<String, String> properties = new LinkedHashMap<>();
        // One multi-row INSERT per batch instead of a statement per row: the driver's fastest way to write many.
        properties.put("reWriteBatchedInserts", "true");
        properties.put("ApplicationName", "cairn");
        if (TransactionPooling.enabled(config)) {
            // A server-side prepared statement lives in one server session, which the next transaction may not
            // get; pgjdbc prepares none at threshold 0.
            properties.put("prepareThreshold", "0");
        }
        config.properties().forEach((key, value) -> {
            if (!OWN_PROPERTIES.contains(key)) {
                properties.put(DriverProperties.known(config, key), value);
            }
        });
        return properties;
    }

    /** A schema name as the store accepts it: a plain identifier, so that it needs no quoting anywhere. */
    static String schemaName(String value) {
        if (!value.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw new StoreConfigurationException("Invalid schema = '" + value + "': use letters, digits and "
                    + "underscores, starting with a letter or underscore, at most 63 characters, such as plan or "
                    + "tenant_42.");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "PostgresStoreProvider[scheme=" + SCHEME + "]";
    }
}
