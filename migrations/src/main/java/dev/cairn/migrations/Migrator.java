package dev.cairn.migrations;

import dev.cairn.migrations.internal.ConnectionSource;
import dev.cairn.migrations.internal.HistoryTable;
import dev.cairn.migrations.internal.JdbcConnectionSources;
import dev.cairn.migrations.internal.MigrationEngine;
import dev.cairn.migrations.internal.MigratorConfig;
import dev.cairn.migrations.internal.OfflineDryRun;
import dev.cairn.migrations.internal.ResolvedMigration;
import dev.cairn.migrations.schema.SchemaSnapshot;
import dev.cairn.migrations.schema.SchemaSnapshots;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Migrates one database: configured once with {@link #builder()}, then {@link #migrate()}, {@link #info()},
 * {@link #validate()}, {@link #baseline(String, String)}, {@link #repair()}, {@link #undo(int)},
 * {@link #undoTo(String, String)} and {@link #dryRun(Writer)}. Immutable and thread-safe: each operation
 * opens its own connection, and operations on one database serialize through the migration lock.
 *
 * <pre>{@code
 * MigrateResult result = Migrator.builder()
 *         .jdbcUrl("jdbc:sqlite:plan.db")
 *         .sets(MigrationSets.directory(Path.of("db/migration"), "app", Dialect.SQLITE))
 *         .build()
 *         .migrate();
 * }</pre>
 */
public final class Migrator {
    private static final Pattern SCHEMA_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_$]{0,62}");
    private final MigratorConfig config;
    private final MigrationEngine engine;

    private Migrator(MigratorConfig config) {
        this.config = config;
        this.engine = new MigrationEngine(config);
    }

    /**
     * Starts a configuration.
     *
     * @return a new builder with the defaults: history table {@code cairn_schema_history}, a one-minute lock
     *         timeout, {@link BackupPolicy#defaults()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Applies every pending migration (up to the targets), each with its history row, under the lock.
     *
     * @return the migrations applied, in order, with the time the run took and the backup taken, if any
     */
    public MigrateResult migrate() {
        return engine.migrate();
    }

    /**
     * Whether the database needs nothing from {@link #migrate()}, checked without the lock in one query of the
     * history table: every local migration is applied and its checksum matches, no row failed or is missing or out
     * of order, no repeatable changed. False when the history cannot be read or anything differs; then
     * {@link #migrate()} or {@link #validate()} says what. Callbacks are not consulted: a store opening calls this
     * first, so that opening an up-to-date database costs one query and never waits for another migrator.
     *
     * @return true when {@link #migrate()} would apply nothing and {@link #validate()} would find nothing
     */
    public boolean upToDate() {
        return engine.upToDate();
    }

    /**
     * {@link #upToDate()} without comparing checksums: every local versioned migration is applied or below a
     * baseline, no row failed, and no applied version is unknown here. Cheaper by the start of the JDK's security
     * providers, which the checksums need; with targets, callbacks or repeatable migrations it is
     * {@link #upToDate()}. For opening a store: a changed file is still found by {@link #validate()} and by every
     * {@link #migrate()} that has work.
     *
     * @return true when every local versioned migration is applied, checksums not compared
     */
    public boolean versionsUpToDate() {
        return engine.versionsUpToDate();
    }

    /**
     * Every applied and local migration with its state, history first.
     *
     * @return one entry per migration, applied ones in the order they ran, then pending ones
     */
    public List<MigrationInfo> info() {
        return engine.info();
    }

    /**
     * Checks local migrations against the history.
     *
     * @throws MigrationChecksumMismatchException when an applied file changed (both checksums named)
     * @throws MigrationValidationException on a missing, duplicate, failed or out-of-order migration
     */
    public void validate() {
        engine.validate();
    }

    /**
     * Adopts an existing database: migrations of {@code module} up to {@code version} count as applied.
     *
     * @param module  the module whose migrations are adopted
     * @param version the newest version that counts as applied, such as {@code 3} or {@code 1.2}
     */
    public void baseline(String module, String version) {
        engine.baseline(Map.of(module, MigrationVersion.parse(version)));
    }

    /**
     * Baselines several modules at once.
     *
     * @param versions module name to the newest version of it that counts as applied
     */
    public void baseline(Map<String, String> versions) {
        Map<String, MigrationVersion> parsed = new LinkedHashMap<>();
        versions.forEach((module, version) -> parsed.put(module, MigrationVersion.parse(version)));
        engine.baseline(parsed);
    }

    /**
     * Adopts the history of a database that Flyway migrated: each applied row of {@code flyway_schema_history} is
     * checked against the local file with Flyway's own CRC-32 checksum and recorded as applied in module
     * {@code module}, so that {@link #migrate()} goes on from there. Flyway's table is left as it was.
     *
     * @param module the module the adopted migrations are recorded under
     * @return the adopted migrations, as {@code module version script}
     * @throws MigrationValidationException naming each changed, missing or failed migration; nothing is adopted
     */
    public List<String> baselineFromFlyway(String module) {
        return engine.adoptFlyway(module);
    }

    /**
     * Drops every object of the managed schema (PostgreSQL, H2) or file (SQLite), data and both history tables
     * included, under the migration lock; objects of extensions are kept.
     *
     * @return what was dropped, as {@code kind name}
     * @throws MigrationConfigurationException unless {@link Builder#cleanEnabled(boolean)} allowed it
     */
    public List<String> clean() {
        return engine.clean();
    }

    /**
     * A snapshot of the schema this migrator works on (the connection's current one when none was configured), its
     * history table left out. Reads only: no lock is taken, and a SQLite file that does not exist is not created.
     *
     * @return the schema's snapshot
     * @throws MigrationConfigurationException when the target is a SQLite file that does not exist
     * @throws MigrationDatabaseException      when the database fails to answer
     */
    public SchemaSnapshot snapshot() {
        Path missing = missingSqliteFile();
        if (missing != null) {
            throw new MigrationConfigurationException("No SQLite database " + missing + ": there is no schema to "
                    + "snapshot. Check the path, or migrate it first.");
        }
        try (Connection connection = config.connections().open()) {
            return SchemaSnapshots.of(connection, config.schema(), config.historyTable());
        } catch (SQLException failure) {
            throw new MigrationDatabaseException("Could not connect to " + target() + " for a snapshot: "
                    + failure.getMessage(), failure);
        }
    }

    /**
     * Drops the configured schema with everything in it ({@code DROP SCHEMA ... CASCADE}; PostgreSQL and H2), for
     * a scratch schema that was migrated to be compared and is no longer needed. Does nothing when it does not
     * exist.
     *
     * @throws MigrationConfigurationException unless {@link Builder#cleanEnabled(boolean)} allowed it, or when no
     *                                         schema was configured, or on SQLite
     */
    public void dropSchema() {
        if (!config.cleanEnabled() || config.schema() == null) {
            throw new MigrationConfigurationException("dropSchema needs a schema and cleanEnabled(true): it drops "
                    + target() + " with everything in it.");
        }
        try (Connection connection = config.connections().open();
             Statement statement = connection.createStatement()) {
            Dialect dialect = Dialect.fromProductName(connection.getMetaData().getDatabaseProductName());
            if (dialect == Dialect.SQLITE) {
                throw new MigrationConfigurationException("SQLite has no schema to drop; delete the file instead.");
            }
            statement.execute("DROP SCHEMA IF EXISTS \"" + config.schema().replace("\"", "\"\"") + "\" CASCADE");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException failure) {
            throw new MigrationDatabaseException("Could not drop " + target() + ": " + failure.getMessage(), failure);
        }
    }

    /**
     * Removes failed rows and realigns stored checksums with the local files.
     *
     * @return the rows removed and the checksums realigned
     */
    public RepairResult repair() {
        return engine.repair();
    }

    /**
     * Undoes the last {@code steps} applied migrations, newest first, with their undo files or code.
     *
     * @param steps how many applied migrations to undo
     * @return the migrations undone
     */
    public UndoResult undo(int steps) {
        return engine.undoSteps(steps);
    }

    /**
     * Undoes the module's migrations above {@code version}, newest first.
     *
     * @param module  the module whose migrations are undone
     * @param version the version to go back to; it stays applied
     * @return the migrations undone
     */
    public UndoResult undoTo(String module, String version) {
        return engine.undoTo(module, MigrationVersion.parse(version));
    }

    /**
     * Writes every statement {@link #migrate()} would run, history-row inserts included, and changes
     * nothing (no lock, no history table is created).
     *
     * @param out where the statements are written; flushed, not closed
     * @return the migrations that are pending
     */
    public List<MigrationInfo> dryRun(Writer out) {
        PrintWriter printer = out instanceof PrintWriter writer ? writer : new PrintWriter(out);
        Path missing = missingSqliteFile();
        if (missing != null) {
            // Opening it would create the file: a dry run changes nothing, so it prints the script of an empty one.
            return infos(new OfflineDryRun(config.dialect() != null ? config : withDialect(Dialect.SQLITE))
                    .print(null, target() + ", which does not exist yet", printer));
        }
        return infos(engine.dryRun(printer));
    }

    private MigratorConfig withDialect(Dialect dialect) {
        return new MigratorConfig(config.connections(), dialect, config.sets(), config.classLoader(),
                config.placeholders(), config.targets(), config.historyTable(), config.lockTimeout(), config.backup(),
                config.schema(), config.installedBy(), config.outOfOrder(), config.cleanEnabled(), config.callbacks(),
                config.transactionPooling());
    }

    private Path missingSqliteFile() {
        String url = config.connections().jdbcUrl();
        if (url == null || !url.startsWith("jdbc:sqlite:")) {
            return null;
        }
        String location = url.substring("jdbc:sqlite:".length());
        int parameters = location.indexOf('?');
        location = parameters < 0 ? location : location.substring(0, parameters);
        location = location.startsWith("file:") ? location.substring("file:".length()) : location;
        if (location.isEmpty() || location.contains(":memory:") || location.contains("mode=memory")) {
            return null;
        }
        Path file = Path.of(location);
        return Files.exists(file) ? null : file;
    }

    private static List<MigrationInfo> infos(List<ResolvedMigration> migrations) {
        List<MigrationInfo> pending = new ArrayList<>();
        for (ResolvedMigration migration : migrations) {
            pending.add(new MigrationInfo(migration.module(), migration.migration().version(),
                    migration.migration().description(), migration.migration().script(), MigrationState.PENDING,
                    null, null));
        }
        return pending;
    }

    /**
     * Offline dry run (Flyway's {@code dryRunOutput} without a database): writes the script a migrate would run on
     * a database of {@code dialect} that has every version up to {@code from} applied (null: an empty one), up to
     * the targets, history DDL and rows included. Opens no connection and creates no file.
     *
     * @param builder the configuration: dialect and sets (else the registered sets of the dialect), targets,
     *                placeholders; its connection, if any, is not used
     * @param from    the newest version taken as applied, or null for an empty database
     * @param out     where the script is written
     * @return the migrations the script applies
     */
    public static List<MigrationInfo> offlineDryRun(Builder builder, String from, Writer out) {
        PrintWriter printer = out instanceof PrintWriter writer ? writer : new PrintWriter(out);
        return infos(new OfflineDryRun(builder.config()).print(from == null ? null : MigrationVersion.parse(from),
                "offline", printer));
    }

    /**
     * {@link #dryRun(Writer)} to a stream, in UTF-8.
     *
     * @param out where the statements are written; not closed
     * @return the migrations that are pending
     */
    public List<MigrationInfo> dryRun(OutputStream out) {
        return dryRun(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
    }

    /**
     * The target this migrator works on, password masked.
     *
     * @return the database URL or data source, with the schema when one is set, for messages and logs
     */
    public String target() {
        return config.connections().describe() + (config.schema() == null ? "" : " schema " + config.schema());
    }

    /** Configures a {@link Migrator}. Not thread-safe; {@link #copy()} one per thread. */
    public static final class Builder {
        private ConnectionSource connections;
        private Dialect dialect;
        private List<MigrationSet> sets;
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        private final Map<String, String> placeholders = new LinkedHashMap<>();
        private final Map<String, MigrationVersion> targets = new LinkedHashMap<>();
        private String historyTable = "cairn_schema_history";
        private Duration lockTimeout = Duration.ofMinutes(1);
        private BackupPolicy backupPolicy = BackupPolicy.defaults();
        private String schema;
        private String installedBy;
        private boolean outOfOrder;
        private boolean cleanEnabled;
        private boolean transactionPooling;
        private final List<MigrationCallback> callbacks = new ArrayList<>();

        private Builder() {
        }

        /**
         * A builder with this one's settings.
         *
         * @return a new builder; changing it leaves this one as it is
         */
        public Builder copy() {
            Builder copy = new Builder();
            copy.connections = connections;
            copy.dialect = dialect;
            copy.sets = sets == null ? null : new ArrayList<>(sets);
            copy.classLoader = classLoader;
            copy.placeholders.putAll(placeholders);
            copy.targets.putAll(targets);
            copy.historyTable = historyTable;
            copy.lockTimeout = lockTimeout;
            copy.backupPolicy = backupPolicy;
            copy.schema = schema;
            copy.installedBy = installedBy;
            copy.outOfOrder = outOfOrder;
            copy.cleanEnabled = cleanEnabled;
            copy.transactionPooling = transactionPooling;
            copy.callbacks.addAll(callbacks);
            return copy;
        }

        /**
         * Connects through a data source of the caller's.
         *
         * @param dataSource the data source to take connections from
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.connections = JdbcConnectionSources.of(Objects.requireNonNull(dataSource, "dataSource"));
            return this;
        }

        /**
         * Connects through {@link java.sql.DriverManager} without a user or password.
         *
         * @param url the JDBC URL, such as {@code jdbc:sqlite:plan.db}
         * @return this builder
         * @throws UnsafeDriverSettingException when the URL carries a driver setting that would run code, load a
         *                                      class or write a file ({@link DriverSettings})
         */
        public Builder jdbcUrl(String url) {
            return jdbcUrl(url, null, null);
        }

        /**
         * Connects through {@link java.sql.DriverManager}.
         *
         * @throws UnsafeDriverSettingException when the URL carries a driver setting that would run code, load a
         *                                      class or write a file ({@link DriverSettings})
         * @param url      the JDBC URL
         * @param user     the database user, or null
         * @param password the user's password, or null
         * @return this builder
         */
        public Builder jdbcUrl(String url, String user, String password) {
            DriverSettings.check(Objects.requireNonNull(url, "jdbcUrl"), Map.of());
            this.connections = JdbcConnectionSources.of(Objects.requireNonNull(url, "jdbcUrl"), user, password);
            return this;
        }

        /**
         * The dialect; by default it is detected from the connection's metadata.
         *
         * @param dialect the database's dialect, or null to detect it
         * @return this builder
         */
        public Builder dialect(Dialect dialect) {
            this.dialect = dialect;
            return this;
        }

        /**
         * The sets to migrate; by default the registered sets for the dialect.
         *
         * @param sets the migration sets, in any order: dependencies decide the order of modules
         * @return this builder
         */
        public Builder sets(MigrationSet... sets) {
            return sets(List.of(sets));
        }

        /**
         * The sets to migrate, replacing any set before; by default the registered sets for the dialect.
         *
         * @param sets the migration sets, in any order: dependencies decide the order of modules
         * @return this builder
         */
        public Builder sets(List<MigrationSet> sets) {
            this.sets = new ArrayList<>(sets);
            return this;
        }

        /**
         * Where registered sets are looked up; by default the thread's context class loader.
         *
         * @param classLoader the class loader that finds registered sets and classpath migrations
         * @return this builder
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * A {@code ${name}} value; {@code ${schema}} and {@code ${historyTable}} are predefined.
         *
         * @param name  the placeholder's name, without {@code ${}} and {@code }}
         * @param value the text that replaces it in SQL migrations
         * @return this builder
         */
        public Builder placeholder(String name, String value) {
            placeholders.put(Objects.requireNonNull(name, "placeholder name"), Objects.requireNonNull(value, name));
            return this;
        }

        /**
         * Migrate {@code module} no further than {@code version}.
         *
         * @param module  the module to stop
         * @param version the newest version of it to apply
         * @return this builder
         */
        public Builder target(String module, String version) {
            targets.put(Objects.requireNonNull(module, "module"), MigrationVersion.parse(version));
            return this;
        }

        /**
         * The table recording applied migrations; by default {@code cairn_schema_history}.
         *
         * @param historyTable the table's name, in the migrated schema
         * @return this builder
         */
        public Builder historyTable(String historyTable) {
            this.historyTable = Objects.requireNonNull(historyTable, "historyTable");
            return this;
        }

        /**
         * How long to wait for the migration lock another migrator holds; by default one minute.
         *
         * @param lockTimeout the longest wait, zero or more
         * @return this builder
         * @throws MigrationConfigurationException when the timeout is negative
         */
        public Builder lockTimeout(Duration lockTimeout) {
            if (lockTimeout.isNegative()) {
                throw new MigrationConfigurationException("lockTimeout must not be negative, was " + lockTimeout);
            }
            this.lockTimeout = lockTimeout;
            return this;
        }

        /**
         * Whether and where a SQLite file is copied before migrating; by default {@link BackupPolicy#defaults()}.
         *
         * @param backupPolicy the policy
         * @return this builder
         */
        public Builder backupPolicy(BackupPolicy backupPolicy) {
            this.backupPolicy = Objects.requireNonNull(backupPolicy, "backupPolicy");
            return this;
        }

        /**
         * The schema to migrate (created if missing); by default the connection's current schema.
         *
         * @throws MigrationConfigurationException when the name is not an identifier of at most 63 characters
         *                                         (letters, digits, {@code _} and {@code $}, not starting with a
         *                                         digit or {@code $}), or names a system schema
         *                                         ({@code information_schema}, {@code pg_*})
         * @param schema the schema's name, or null for the connection's current schema
         * @return this builder
         */
        public Builder schema(String schema) {
            if (schema != null) {
                checkSchemaName(schema);
            }
            this.schema = schema;
            return this;
        }

        private static void checkSchemaName(String schema) {
            String lower = schema.toLowerCase(Locale.ROOT);
            if (!SCHEMA_NAME.matcher(schema).matches()) {
                throw new MigrationConfigurationException("Invalid schema name '" + printable(schema) + "': use "
                        + "letters, digits, '_' and '$', starting with a letter or '_', at most 63 characters, such as "
                        + "tenant_42.");
            }
            if (lower.equals("information_schema") || lower.startsWith("pg_")) {
                throw new MigrationConfigurationException("Schema '" + schema + "' is a system schema of the "
                        + "database; migrate a schema of your own.");
            }
        }

        private static String printable(String text) {
            String shown = text.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            return shown.length() > 80 ? shown.substring(0, 80) + "…" : shown;
        }

        /**
         * The name recorded as installed_by; by default the database user.
         *
         * @param installedBy the name, or null for the database user
         * @return this builder
         */
        public Builder installedBy(String installedBy) {
            this.installedBy = installedBy;
            return this;
        }

        /**
         * Applies a pending migration whose version is below the newest applied one of its module (Flyway's
         * {@code outOfOrder}; off by default, when such a migration fails validation). Info shows it as
         * {@link MigrationState#OUT_OF_ORDER} once applied.
         *
         * @param outOfOrder true to apply such migrations
         * @return this builder
         */
        public Builder outOfOrder(boolean outOfOrder) {
            this.outOfOrder = outOfOrder;
            return this;
        }

        /**
         * Allows {@link Migrator#clean()} (Flyway's {@code cleanEnabled}; off by default).
         *
         * @param cleanEnabled true to allow it
         * @return this builder
         */
        public Builder cleanEnabled(boolean cleanEnabled) {
            this.cleanEnabled = cleanEnabled;
            return this;
        }

        /**
         * Whether the connections reach PostgreSQL through a transaction-pooling proxy (PgBouncer in
         * {@code pool_mode=transaction}, a managed service's pooler), which may run each transaction on another
         * server session. Then the engine keeps no session state: instead of a session advisory lock held for the
         * whole run, each migration's transaction takes a transaction advisory lock first and reads the history
         * again under it, skipping what another migrator applied meanwhile; the schema is set in each transaction
         * ({@code SET LOCAL}); a migration that cannot run in a transaction is refused, to be run on a direct
         * connection. False unless set; PostgreSQL only.
         *
         * @param transactionPooling true when a transaction-pooling proxy sits between here and PostgreSQL
         * @return this builder
         */
        public Builder transactionPooling(boolean transactionPooling) {
            this.transactionPooling = transactionPooling;
            return this;
        }

        /**
         * Java callbacks, run at the same points as a location's callback files, after them.
         *
         * @param callbacks the callbacks, added to those given before
         * @return this builder
         */
        public Builder callbacks(MigrationCallback... callbacks) {
            this.callbacks.addAll(List.of(callbacks));
            return this;
        }

        /**
         * Builds the migrator; nothing is connected yet.
         *
         * @return a migrator with this builder's settings
         * @throws MigrationConfigurationException naming the missing property
         */
        public Migrator build() {
            if (connections == null) {
                throw new MigrationConfigurationException("dataSource or jdbcUrl is required.");
            }
            return new Migrator(config());
        }

        private MigratorConfig config() {
            HistoryTable.checkName(historyTable);
            return new MigratorConfig(connections, dialect, sets == null ? null : List.copyOf(sets),
                    classLoader, Map.copyOf(placeholders), Map.copyOf(targets), historyTable, lockTimeout,
                    backupPolicy, schema, installedBy, outOfOrder, cleanEnabled, List.copyOf(callbacks),
                    transactionPooling);
        }
    }
}
