package dev.cairn.store.jdbc;

import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.StoreException;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreCapability;
import dev.cairn.core.spi.StoreTransaction;
import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.MigrationException;
import dev.cairn.migrations.MigrationInfo;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationState;
import dev.cairn.migrations.MigrationValidationException;
import dev.cairn.migrations.MigrationVersion;
import dev.cairn.migrations.Migrator;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * A store in a SQL database, shared by every SQL backend: a backend module gives it a {@link JdbcDialect},
 * its connections and its migration set, through {@link #builder(JdbcDialect)}. Thread-safe.
 *
 * <p>Each {@link #write} is one database transaction and each {@link #read} one consistent snapshot, both on
 * a connection of their own, held by the calling thread until the work returns. On one thread, a write
 * inside a write joins it under a savepoint (so that a failed inner write undoes only its own changes), a
 * read inside a write sees the write's changes, and a write inside a read is refused.
 */
public final class JdbcStore implements Store {
    static {
        // A library must not print to its users' consoles: no jOOQ banner, tips or dialect version notes.
        // Set only when absent, so that an application can still turn them on.
        quietUnlessSet("org.jooq.no-logo", "true");
        quietUnlessSet("org.jooq.no-tips", "true");
        quietUnlessSet("org.jooq.log.org.jooq.impl.DefaultExecuteContext.logVersionSupport", "ERROR");
    }

    private static final Settings SETTINGS = new Settings()
            .withRenderQuotedNames(RenderQuotedNames.NEVER)
            .withExecuteLogging(false)
            .withRenderSchema(false);

    private final JdbcDialect dialect;
    private final Connections connections;
    private final String description;
    private final Set<StoreCapability> capabilities;
    private final Duration busyTimeout;
    private final MigrationSet migrationSet;
    private final String schema;
    private final NodeReads nodeReads;
    private final boolean snapshotSessions;
    private volatile String serverVersion;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final ThreadLocal<UnitOfWork> current = new ThreadLocal<>();
    private volatile boolean closed;

    private JdbcStore(Builder builder, Connections connections) {
        this.dialect = builder.dialect;
        this.connections = connections;
        this.description = builder.description;
        // Every JdbcStore keeps runs: its schema has their tables, and its transactions give a JdbcRunLog.
        EnumSet<StoreCapability> declared = EnumSet.of(StoreCapability.COMMAND_RUNS);
        declared.addAll(builder.capabilities);
        this.capabilities = Set.copyOf(declared);
        this.busyTimeout = builder.busyTimeout;
        this.migrationSet = builder.migrationSet;
        this.schema = builder.schema;
        this.nodeReads = new NodeReads(dialect, SETTINGS);
        this.snapshotSessions = builder.snapshotSessions;
    }

    /** A builder of a store of {@code dialect}. */
    public static Builder builder(JdbcDialect dialect) {
        return new Builder(dialect);
    }

    @Override
    public <T> T read(Function<StoreTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        checkOpen();
        UnitOfWork active = current.get();
        if (active != null) {
            return work.apply(active.readView);
        }
        try {
            return run(false, work);
        } catch (StoreException failure) {
            // A read changes nothing, so one that found its pooled connection dead (the server restarted since
            // the connection was made) runs again, once, on another; begin() waits for the server if need be.
            if (!connectionLost(failure)) {
                throw failure;
            }
            return run(false, work);
        }
    }

    private boolean connectionLost(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sqlFailure && dialect.isConnectionLost(sqlFailure)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        checkOpen();
        UnitOfWork active = current.get();
        if (active != null) {
            if (!active.write) {
                throw new IllegalStateException("Store.write called inside Store.read on the same thread ("
                        + description + "): a read cannot become a write. Do the whole unit of work inside "
                        + "write, which may read too.");
            }
            return active.nested(work);
        }
        if (!dialect.serialWrites()) {
            return run(true, work);
        }
        writeLock.lock();
        try {
            return run(true, work);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T run(boolean write, Function<StoreTransaction, T> work) {
        Connection connection = begin(write);
        UnitOfWork unit = new UnitOfWork(this, connection, write);
        current.set(unit);
        boolean broken = false;
        try {
            T result;
            try {
                result = work.apply(unit.transaction);
            } catch (RuntimeException | Error failure) {
                broken = !rollbackQuietly(connection, failure);
                throw failure;
            }
            try {
                dialect.commit(connection, connections::execute);
            } catch (SQLException failure) {
                broken = !rollbackQuietly(connection, failure);
                throw Failures.translate(this, failure, failure);
            }
            return result;
        } finally {
            unit.open = false;
            current.remove();
            connections.release(connection, broken);
        }
    }

    /**
     * A connection in a new transaction. SQLite answers busy when another process holds the write lock
     * longer than the busy timeout lets the driver wait; then this tries again, backing off, until the
     * store's busy timeout has passed, so that "database is locked" reaches no caller that can wait. A
     * connection found dead (a PostgreSQL server restarted since it was made) is dropped and another taken,
     * within the same time: nothing has run on it yet, so trying again is safe.
     */
    private Connection begin(boolean write) {
        long deadline = System.nanoTime() + busyTimeout.toNanos();
        long pause = 1;
        while (true) {
            Connection connection;
            try {
                connection = connections.acquire();
            } catch (SQLException failure) {
                if (!dialect.isConnectionLost(failure) || System.nanoTime() > deadline) {
                    throw new StoreException("Cannot connect to the " + backend() + " store " + description + ": "
                            + failure.getMessage(), failure);
                }
                sleep(pause);
                pause = Math.min(pause * 2, 1000);
                continue;
            }
            try {
                dialect.begin(connection, write, snapshotSessions, connections::execute);
                return connection;
            } catch (SQLException failure) {
                boolean busy = dialect.isBusy(failure);
                boolean lost = dialect.isConnectionLost(failure);
                connections.release(connection, !busy);
                if (!(busy || lost) || System.nanoTime() > deadline) {
                    throw new StoreException("Cannot begin a " + (write ? "write" : "read") + " on the " + backend()
                            + " store " + description + ": " + failure.getMessage(), failure);
                }
                if (busy) {
                    sleep(pause);
                    pause = Math.min(pause * 2, 100);
                }
            }
        }
    }

    private boolean rollbackQuietly(Connection connection, Throwable failure) {
        try {
            dialect.rollback(connection, connections::execute);
            return true;
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting for the database lock", interrupted);
        }
    }

    @Override
    public String backend() {
        return dialect.name();
    }

    /** A {@code SELECT 1} on a connection of the store's, outside any transaction. */
    @Override
    public void ping() {
        checkOpen();
        withConnection(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT 1");
            }
            return null;
        });
    }

    /** The product and version the driver reports, such as {@code PostgreSQL 16.4}; asked once. */
    @Override
    public String serverVersion() {
        checkOpen();
        String version = serverVersion;
        if (version == null) {
            version = withConnection(connection -> {
                DatabaseMetaData metaData = connection.getMetaData();
                return metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
            });
            serverVersion = version;
        }
        return version;
    }

    /** The highest applied version of each module in the history table, as the migration engine reads it. */
    @Override
    public Map<String, String> schemaVersions() {
        checkOpen();
        if (migrationSet == null) {
            return Map.of();
        }
        try {
            Map<String, MigrationVersion> highest = new TreeMap<>();
            for (MigrationInfo info : migrator().info()) {
                if (info.state() == MigrationState.APPLIED || info.state() == MigrationState.BASELINE) {
                    highest.merge(info.module(), info.version(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            }
            Map<String, String> versions = new TreeMap<>();
            highest.forEach((module, version) -> versions.put(module, version.toString()));
            return versions;
        } catch (MigrationException failure) {
            throw new StoreException("Cannot read the schema history of the " + backend() + " store " + description
                    + ": " + failure.getMessage(), failure);
        }
    }

    private Migrator migrator() {
        return Migrator.builder()
                .dataSource(connections.dataSource())
                .dialect(dialect.migrationDialect())
                .sets(migrationSet)
                .schema(schema)
                .lockTimeout(busyTimeout)
                .build();
    }

    /** Work on a connection of the store's, not in a unit of work; driver failures become StoreException. */
    private <T> T withConnection(SqlWork<T> work) {
        Connection connection;
        try {
            connection = connections.acquire();
        } catch (SQLException failure) {
            throw new StoreException("Cannot connect to the " + backend() + " store " + description + ": "
                    + failure.getMessage(), failure);
        }
        boolean broken = false;
        try {
            return work.apply(connection);
        } catch (SQLException failure) {
            broken = true;
            throw Failures.translate(this, failure, failure);
        } finally {
            connections.release(connection, broken);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }

    @Override
    public Set<StoreCapability> capabilities() {
        return capabilities;
    }

    /** Closes the store's own connections; a caller's {@link DataSource} stays open. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            connections.close();
        }
    }

    /** The URL the store was opened with, password masked. */
    String description() {
        return description;
    }

    JdbcDialect dialect() {
        return dialect;
    }

    Connections connections() {
        return connections;
    }

    @Override
    public String toString() {
        return "JdbcStore[" + description + (closed ? ", closed]" : "]");
    }

    private void checkOpen() {
        if (closed) {
            throw new StoreException("The store " + description + " is closed: open it again to use it");
        }
    }

    /** One unit of work on one connection: its transaction, its savepoints, its thread. Not thread-safe. */
    static final class UnitOfWork {
        private final JdbcStore store;
        private final Connection connection;
        private final boolean write;
        private final Thread owner = Thread.currentThread();
        private final JdbcTransaction transaction;
        private final JdbcTransaction readView;
        private int savepoints;
        private boolean open = true;

        UnitOfWork(JdbcStore store, Connection connection, boolean write) {
            this.store = store;
            this.connection = connection;
            this.write = write;
            DSLContext sql = DSL.using(connection, store.dialect.sqlDialect(), SETTINGS);
            this.transaction = new JdbcTransaction(this, sql, write);
            this.readView = write ? new JdbcTransaction(this, sql, false) : transaction;
        }

        /** Runs {@code work} under a savepoint: when it throws, its own changes are undone and it rethrows. */
        <T> T nested(Function<StoreTransaction, T> work) {
            String name = "cairn_nested_" + (++savepoints);
            Savepoint savepoint;
            try {
                savepoint = store.dialect.savepoint(connection, name);
            } catch (SQLException failure) {
                savepoints--;
                throw Failures.translate(store, failure, failure);
            }
            try {
                T result = work.apply(transaction);
                store.dialect.releaseSavepoint(connection, name, savepoint);
                return result;
            } catch (SQLException failure) {
                throw Failures.translate(store, failure, failure);
            } catch (RuntimeException | Error failure) {
                try {
                    store.dialect.rollbackToSavepoint(connection, name, savepoint);
                } catch (SQLException rollbackFailure) {
                    failure.addSuppressed(rollbackFailure);
                }
                throw failure;
            } finally {
                savepoints--;
            }
        }

        JdbcStore store() {
            return store;
        }

        Connection connection() {
            return connection;
        }

        NodeReads nodeReads() {
            return store.nodeReads;
        }

        JdbcDialect dialect() {
            return store.dialect;
        }

        void checkUsable() {
            if (!open) {
                throw new IllegalStateException("This store transaction has ended: use a transaction only inside "
                        + "the read or write call that gave it");
            }
            if (Thread.currentThread() != owner) {
                throw new IllegalStateException("This store transaction belongs to thread " + owner.getName()
                        + ", not to " + Thread.currentThread().getName() + ": a transaction is confined to its "
                        + "thread");
            }
        }
    }

    /** Configures and opens a {@link JdbcStore}. Not thread-safe. */
    public static final class Builder {
        private final JdbcDialect dialect;
        private String description;
        private ConnectionFactory factory;
        private DataSource dataSource;
        private AutoCloseable dataSourceOwner;
        private String schema;
        private boolean snapshotSessions;
        private boolean keepOneOpen;
        private boolean singleConnection;
        private int maxIdleConnections = 8;
        private MigrationSet migrationSet;
        private MigrateMode migrateMode = MigrateMode.AUTO;
        private Set<StoreCapability> capabilities = EnumSet.noneOf(StoreCapability.class);
        private Duration busyTimeout = Duration.ofSeconds(30);

        private Builder(JdbcDialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
        }

        /** How the store names itself in messages: its URL, password masked. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Connections the store makes itself, and pools. */
        public Builder connections(ConnectionFactory factory) {
            this.factory = factory;
            return this;
        }

        /** The caller's connections, used as given (the caller pools), instead of a factory. */
        public Builder dataSource(DataSource dataSource) {
            return dataSource(dataSource, null);
        }

        /**
         * Pooled connections, such as a pool the backend made for the store: {@code owner} (the pool) is
         * closed when the store is; null leaves it open, as for a caller's {@link DataSource}.
         */
        public Builder dataSource(DataSource dataSource, AutoCloseable owner) {
            this.dataSource = dataSource;
            this.dataSourceOwner = owner;
            return this;
        }

        /**
         * The schema the store lives in, which migrations create when it is missing; the connections'
         * current schema unless set. The connections must use it too: this does not change them.
         */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /**
         * Whether the connections' sessions run transactions at repeatable read by default, as a pool the
         * backend configured does: reads then need no statement to set it. False unless set.
         */
        public Builder snapshotSessions(boolean snapshot) {
            this.snapshotSessions = snapshot;
            return this;
        }

        /** Holds one connection open while the store is: an in-memory database lives only that long. */
        public Builder keepOneOpen(boolean keep) {
            this.keepOneOpen = keep;
            return this;
        }

        /**
         * Makes one connection and lends it to one unit of work at a time, for a database that lives in its
         * connection (SQLite in memory); readers then wait for writers too.
         */
        public Builder singleConnection(boolean single) {
            this.singleConnection = single;
            return this;
        }

        /** How many idle connections the store's own pool keeps; 8 unless set. */
        public Builder maxIdleConnections(int max) {
            if (max < 1) {
                throw new StoreConfigurationException("maxIdleConnections must be 1 or more, was " + max);
            }
            this.maxIdleConnections = max;
            return this;
        }

        /** The backend's migrations, applied or checked on opening as {@link #migrateMode} says. */
        public Builder migrationSet(MigrationSet set) {
            this.migrationSet = set;
            return this;
        }

        public Builder migrateMode(MigrateMode mode) {
            this.migrateMode = Objects.requireNonNull(mode, "migrateMode");
            return this;
        }

        /**
         * What the store can do beyond the contract, as its backend declares it; none unless set.
         * {@link StoreCapability#COMMAND_RUNS} is declared by every store this builds, whatever this says.
         */
        public Builder capabilities(Set<StoreCapability> declared) {
            this.capabilities = EnumSet.noneOf(StoreCapability.class);
            this.capabilities.addAll(declared);
            return this;
        }

        /** How long a unit of work waits for a database lock held elsewhere; 30 seconds unless set. */
        public Builder busyTimeout(Duration timeout) {
            if (timeout.isNegative()) {
                throw new StoreConfigurationException("busyTimeout must not be negative, was " + timeout);
            }
            this.busyTimeout = timeout;
            return this;
        }

        /**
         * Opens the store, migrating or validating its schema first.
         *
         * @throws StoreConfigurationException when {@code migrate=validate} finds the schema behind or altered,
         *                                     or the migrations do not fit the database
         * @throws StoreException              when the database cannot be reached or a migration fails
         */
        public JdbcStore open() {
            if (factory == null && dataSource == null) {
                throw new StoreConfigurationException("connections or dataSource is required to open a "
                        + dialect.name() + " store.");
            }
            if (migrationSet == null && migrateMode != MigrateMode.OFF) {
                throw new StoreConfigurationException("migrationSet is required unless migrate=off.");
            }
            if (description == null) {
                description = dialect.name();
            }
            Connections connections;
            try {
                connections = dataSource != null ? Connections.of(dataSource, dialect, dataSourceOwner)
                        : singleConnection ? Connections.single(factory, dialect)
                        : Connections.pooled(factory, dialect, maxIdleConnections, keepOneOpen);
            } catch (SQLException failure) {
                throw new StoreException("Cannot open the " + dialect.name() + " store " + description + ": "
                        + failure.getMessage(), failure);
            }
            try {
                migrate(connections.dataSource());
            } catch (RuntimeException failure) {
                connections.close();
                throw failure;
            }
            return new JdbcStore(this, connections);
        }

        private void migrate(DataSource target) {
            if (migrateMode == MigrateMode.OFF) {
                return;
            }
            Migrator migrator = Migrator.builder()
                    .dataSource(target)
                    .dialect(dialect.migrationDialect())
                    .sets(migrationSet)
                    .schema(schema)
                    .lockTimeout(busyTimeout)
                    .build();
            try {
                if (migrateMode == MigrateMode.AUTO) {
                    migrator.migrate();
                    return;
                }
                migrator.validate();
                List<MigrationInfo> pending = migrator.info().stream()
                        .filter(info -> info.module().equals(migrationSet.module()))
                        .filter(info -> info.state() == MigrationState.PENDING)
                        .toList();
                if (!pending.isEmpty()) {
                    throw new StoreConfigurationException("The " + dialect.name() + " store " + description
                            + " is behind: " + pending.size() + " migration(s) of module '" + migrationSet.module()
                            + "' not applied, from " + pending.get(0).script() + ". Open it with migrate=auto, "
                            + "or migrate it first; migrate=validate changes nothing.");
                }
            } catch (MigrationValidationException | MigrationConfigurationException refused) {
                throw new StoreConfigurationException("The schema of the " + dialect.name() + " store " + description
                        + " does not match its migrations: " + refused.getMessage(), refused);
            } catch (MigrationException failure) {
                throw new StoreException("Cannot migrate the " + dialect.name() + " store " + description + ": "
                        + failure.getMessage(), failure);
            }
        }
    }

    private static void quietUnlessSet(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }
}
