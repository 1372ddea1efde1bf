package dev.cairn.store.h2;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.NoSuchStoreException;
import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.StoreUrls;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreCapability;
import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.Migrator;
import dev.cairn.store.jdbc.JdbcDialect;
import dev.cairn.store.jdbc.JdbcStore;
import dev.cairn.store.jdbc.MigrateMode;
import dev.cairn.store.jdbc.SqlStoreProvider;
import dev.cairn.store.jdbc.StoreProperties;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider of scheme {@code h2}, an embedded H2 database. Thread-safe.
 *
 * <ul>
 *   <li>{@code h2:mem:NAME} opens an in-memory database, shared by every store of that name open in this
 *       JVM, and gone when the last of them closes. A name is 1 to 128 letters, digits, {@code .},
 *       {@code _} or {@code -}.</li>
 *   <li>{@code h2:file:PATH} opens (and creates) the database file {@code PATH.mv.db}, relative to the
 *       working folder unless absolute; it survives the store, and one process uses it at a time. A
 *       configuration that does not {@link CairnConfig#createIfMissing() create} a missing store makes no file
 *       and fails with a {@link NoSuchStoreException} naming {@code PATH.mv.db}, in {@link #open} and
 *       {@link #migrator(CairnConfig)} alike.</li>
 * </ul>
 *
 * <p>The property {@code migrate} says what opening does to the schema: {@code auto} (default) applies
 * pending migrations, {@code validate} refuses a database that is behind or altered, {@code off} leaves it
 * alone. A {@link CairnConfig#dataSource() DataSource} given by the caller is used instead of connections
 * made here.
 */
public final class H2StoreProvider implements SqlStoreProvider {
    private static final Logger LOG = LoggerFactory.getLogger(H2StoreProvider.class);
    /** The URL scheme served. */
    public static final String SCHEME = "h2";

    /** What H2 appends to the path of {@code h2:file:PATH} to name its data file. */
    private static final String DATA_FILE_SUFFIX = ".mv.db";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** For {@link java.util.ServiceLoader}, and for explicit registration. */
    public H2StoreProvider() {
    }

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public JdbcDialect dialect() {
        return H2Dialect.INSTANCE;
    }

    /**
     * @throws NoSuchStoreException        when {@code PATH.mv.db} does not exist and the configuration does not
     *                                     create it
     * @throws StoreConfigurationException when the URL is neither {@code h2:mem:NAME} nor {@code h2:file:PATH},
     *                                     or a property is invalid
     */
    @Override
    public Store open(CairnConfig config) {
        MigrateMode migrate = MigrateMode.parse(config.property(MigrateMode.PROPERTY).orElse(null));
        JdbcStore.Builder builder = JdbcStore.builder(H2Dialect.INSTANCE)
                .description(config.maskedUrl())
                .migrationSet(new H2MigrationSet())
                .migrateMode(migrate);
        if (config.dataSource().isPresent()) {
            return builder.dataSource(config.dataSource().get()).open();
        }
        String jdbcUrl = jdbcUrl(config);
        boolean inMemory = jdbcUrl.startsWith("jdbc:h2:mem:");
        // H2's own lock timeout (one second) is shorter than a unit of work may wait for another's lock.
        String url = jdbcUrl + ";LOCK_TIMEOUT=30000";
        LOG.debug("H2 store {}: JDBC URL {}", config.maskedUrl(), StoreUrls.mask(url));
        return builder.connections(() -> DriverManager.getConnection(url))
                .keepOneOpen(inMemory)
                .capabilities(inMemory ? Set.of() : EnumSet.of(StoreCapability.PERSISTENT))
                .open();
    }

    /**
     * A migrator connected to the database an {@code h2:} URL names, read as {@link #open} reads it, or to the
     * configuration's DataSource: for tools that migrate without opening a store, such as the command line's
     * {@code migrate}.
     *
     * @throws NoSuchStoreException        when {@code PATH.mv.db} does not exist and the configuration does not
     *                                     create it
     * @throws StoreConfigurationException when the URL is neither {@code h2:mem:NAME} nor {@code h2:file:PATH}
     */
    @Override
    public Migrator.Builder migrator(CairnConfig config) {
        if (config.dataSource().isPresent()) {
            return Migrator.builder().dialect(Dialect.H2).dataSource(config.dataSource().get());
        }
        return Migrator.builder().dialect(Dialect.H2).jdbcUrl(jdbcUrl(config));
    }

    /**
     * The JDBC URL of {@code h2:mem:NAME} or {@code h2:file:PATH}, with no setting of the user's: the one place
     * where the user's location is checked ({@link StoreProperties#checkDriverSettings}).
     */
    private static String jdbcUrl(CairnConfig config) {
        String target = config.location();
        // Named first: a setting that would run code is refused as such, not as a malformed name.
        StoreProperties.checkDriverSettings(config, "jdbc:h2:" + target, Map.of());
        if (target.startsWith("mem:")) {
            String name = target.substring("mem:".length());
            if (!NAME.matcher(name).matches()) {
                throw invalid(config, "the name '" + config.mask(StoreUrls.mask(name))
                        + "' is not 1 to 128 letters, digits, '.', '_' or '-'");
            }
            return "jdbc:h2:mem:" + name;
        }
        if (target.startsWith("file:")) {
            String path = file(config, target.substring("file:".length()));
            if (config.createIfMissing()) {
                return "jdbc:h2:file:" + path;
            }
            Path file = Path.of(path + DATA_FILE_SUFFIX);
            if (!Files.isRegularFile(file)) {
                throw new NoSuchStoreException(file, config.maskedUrl());
            }
            // Should the file go between the check and the first connection, H2 makes none either.
            return "jdbc:h2:file:" + path + ";IFEXISTS=TRUE";
        }
        throw invalid(config, "write h2:mem:NAME or h2:file:PATH");
    }

    private static String file(CairnConfig config, String path) {
        if (path.isBlank() || path.contains(";")) {
            throw invalid(config, "name a file path without ';', such as h2:file:plan");
        }
        try {
            // H2 refuses a path implicitly relative to the working folder; make it explicit.
            return Path.of(path).toAbsolutePath().toString();
        } catch (InvalidPathException e) {
            throw invalid(config, e.getMessage());
        }
    }

    private static StoreConfigurationException invalid(CairnConfig config, String reason) {
        return new StoreConfigurationException("Invalid H2 store url " + config.maskedUrl() + ": " + reason + ".");
    }

    @Override
    public String toString() {
        return "H2StoreProvider[scheme=" + SCHEME + "]";
    }
}
