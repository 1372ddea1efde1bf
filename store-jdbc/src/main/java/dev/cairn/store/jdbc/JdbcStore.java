package dev.cairn.store.jdbc;

import dev.cairn.core.StoreConfigurationException;
import dev.cairn.core.StoreException;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreCapability;
import dev.cairn.core.spi.StoreTransaction;
import dev.cairn.migrations.MigrationSet;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store in a SQL database, shared by every SQL backend: a backend module gives it a {@link JdbcDialect},
 * its connections and its migration set, through {@link #builder(JdbcDialect)}. Thread-safe.
 *
 * <p>Each {@link #write} is one database transaction and each {@link #read} one consistent snapshot, both on
 * a connection of their own, held by the calling thread until the work returns. On one thread, a write
 * inside a write joins it under a savepoint (so that a failed inner write undoes only its own changes), a
 * read inside a write sees the write's changes, and a write inside a read is refused.
 *
 * <p>This class is the store's face and its configuration; the work is done by its parts: {@link Transactions}
 * begins and ends units of work ({@link UnitOfWork}, whose {@link JdbcTransaction} holds the queries),
 * {@link StoreSchema} migrates or checks the schema, and {@link Connections} keeps the connections.
 */
public final class JdbcStore implements Store {
    // jOOQ's banner and tips are INFO lines of its logger org.jooq.Constants, written through SLF4J where the
    // application's logging sends them; a library leaves the application's system properties alone, so it does
    // not set org.jooq.no-logo: the README says how to hide them.

    /**
     * How every query of a store is rendered. Each statement is logged, by jOOQ's {@code LoggerListener}, only
     * when that logger is at DEBUG as the first store opens: the listener costs time even when it logs nothing.
     */
    static final Settings SETTINGS = new Settings()
            .withRenderQuotedNames(RenderQuotedNames.NEVER)
            .withExecuteLogging(LoggerFactory.getLogger("org.jooq.tools.LoggerListener").isDebugEnabled())
            .withRenderSchema(false);
    private static final Logger LOG = LoggerFactory.getLogger(JdbcStore.class);

    private final JdbcDialect dialect;
    private final Connections connections;
    private final String description;
    private final Set<StoreCapability> capabilities;
    private final StoreSchema storeSchema;
    private final NodeReads nodeReads;
    private final Transactions transactions;
    private volatile String serverVersion;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private volatile boolean closed;

    private JdbcStore(Builder builder, Connections connections, StoreSchema storeSchema) {
        this.dialect = builder.dialect;
        this.connections = connections;
        this.description = builder.description;
        // Every JdbcStore keeps runs: its schema has their tables, and its transactions give a JdbcRunLog.
        EnumSet<StoreCapability> declared = EnumSet.of(StoreCapability.COMMAND_RUNS);
        declared.addAll(builder.capabilities);
        this.capabilities = Set.copyOf(declared);
        this.storeSchema = storeSchema;
        this.nodeReads = new NodeReads(dialect, SETTINGS);
        this.transactions = new Transactions(this, dialect, connections, builder.busyTimeout, builder.snapshotSessions,
                builder.schemaPerTransaction ? builder.schema : null);
    }

    /**
     * A builder of a store of {@code dialect}.
     *
     * @param dialect the database's dialect
     * @return a builder with nothing else set
     */
    public static Builder builder(JdbcDialect dialect) {
        return new Builder(dialect);
    }

    @Override
    public <T> T read(Function<StoreTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        checkOpen();
        UnitOfWork active = transactions.current();
        if (active != null) {
            return work.apply(active.readView());
        }
        try {
            return transactions.run(false, work);
        } catch (StoreException failure) {
            // A read changes nothing, so one that found its pooled connection dead (the server restarted since
            // the connection was made) runs again, once, on another; begin() waits for the server if need be.
            if (!transactions.connectionLost(failure)) {
                throw failure;
            }
            return transactions.run(false, work);
        }
    }

    @Override
    public <T> T write(Function<StoreTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        checkOpen();
        UnitOfWork active = transactions.current();
        if (active != null) {
            if (!active.write()) {
                throw new IllegalStateException("Store.write called inside Store.read on the same thread ("
                        + description + "): a read cannot become a write. Do the whole unit of work inside "
                        + "write, which may read too.");
            }
            return active.nested(work);
        }
        if (!dialect.serialWrites()) {
            return transactions.run(true, work);
        }
        writeLock.lock();
        try {
            return transactions.run(true, work);
        } finally {
            writeLock.unlock();
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
        return storeSchema.versions(connections.dataSource());
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

    NodeReads nodeReads() {
        return nodeReads;
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

    /** Configures and opens a {@link JdbcStore}. Not thread-safe. */
    public static final class Builder {
        private final JdbcDialect dialect;
        private String description;
        private ConnectionFactory factory;
        private DataSource dataSource;
        private AutoCloseable dataSourceOwner;
        private String schema;
        private boolean snapshotSessions;
        private boolean schemaPerTransaction;
        private boolean transactionPooling;
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

        /**
         * How the store names itself in messages: its URL, password masked.
         *
         * @param description the masked URL, or another name for messages
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /**
         * Connections the store makes itself, and pools.
         *
         * @param factory what makes the connections
         * @return this builder
         */
        public Builder connections(ConnectionFactory factory) {
            this.factory = factory;
            return this;
        }

        /**
         * The caller's connections, used as given (the caller pools), instead of a factory.
         *
         * @param dataSource the caller's connections; never closed by the store
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            return dataSource(dataSource, null);
        }

        /**
         * Pooled connections, such as a pool the backend made for the store: {@code owner} (the pool) is
         * closed when the store is; null leaves it open, as for a caller's {@link DataSource}.
         *
         * @param dataSource the pooled connections
         * @param owner what to close with the store, or {@code null}
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource, AutoCloseable owner) {
            this.dataSource = dataSource;
            this.dataSourceOwner = owner;
            return this;
        }

        /**
         * The schema the store lives in, which migrations create when it is missing; the connections'
         * current schema unless set. The connections must use it too: this does not change them.
         *
         * @param schema the schema's name, or {@code null} for the connections' current schema
         * @return this builder
         */
        public Builder schema(String schema) {
            this.schema = schema;
            return this;
        }

        /**
         * Whether the store makes its {@link #schema schema} current in each of its transactions only (the
         * dialect's {@code begin} with a schema), instead of relying on the connections' sessions to use it: for
         * a caller's connections, which go back to the caller's pool as they came, and for sessions that a
         * transaction-pooling proxy shares. False unless set.
         *
         * @param perTransaction true to set the schema in each transaction
         * @return this builder
         */
        public Builder schemaPerTransaction(boolean perTransaction) {
            this.schemaPerTransaction = perTransaction;
            return this;
        }

        /**
         * Whether the connections reach the database through a transaction-pooling proxy (PgBouncer in
         * {@code pool_mode=transaction}), which may hand each transaction to another server session: then the
         * migration engine keeps its lock within each migration's transaction
         * ({@link dev.cairn.migrations.Migrator.Builder#transactionPooling}). False unless set.
         *
         * @param transactionPooling true when a transaction-pooling proxy stands between the store and the server
         * @return this builder
         */
        public Builder transactionPooling(boolean transactionPooling) {
            this.transactionPooling = transactionPooling;
            return this;
        }

        /**
         * Whether the connections' sessions run transactions at repeatable read by default, as a pool the
         * backend configured does: reads then need no statement to set it. False unless set.
         *
         * @param snapshot true when sessions run at repeatable read already
         * @return this builder
         */
        public Builder snapshotSessions(boolean snapshot) {
            this.snapshotSessions = snapshot;
            return this;
        }

        /**
         * Holds one connection open while the store is: an in-memory database lives only that long.
         *
         * @param keep true to hold one connection open
         * @return this builder
         */
        public Builder keepOneOpen(boolean keep) {
            this.keepOneOpen = keep;
            return this;
        }

        /**
         * Makes one connection and lends it to one unit of work at a time, for a database that lives in its
         * connection (SQLite in memory); readers then wait for writers too.
         *
         * @param single true for one connection, lent to one unit of work at a time
         * @return this builder
         */
        public Builder singleConnection(boolean single) {
            this.singleConnection = single;
            return this;
        }

        /**
         * How many idle connections the store's own pool keeps; 8 unless set.
         *
         * @param max the most idle connections, 1 or more
         * @return this builder
         * @throws StoreConfigurationException when {@code max} is less than 1
         */
        public Builder maxIdleConnections(int max) {
            if (max < 1) {
                throw new StoreConfigurationException("maxIdleConnections must be 1 or more, was " + max);
            }
            this.maxIdleConnections = max;
            return this;
        }

        /**
         * The backend's migrations, applied or checked on opening as {@link #migrateMode} says.
         *
         * @param set the backend's migration set
         * @return this builder
         */
        public Builder migrationSet(MigrationSet set) {
            this.migrationSet = set;
            return this;
        }

        /**
         * Whether opening applies the migrations, only checks them, or leaves the schema alone.
         *
         * @param mode {@link MigrateMode#AUTO} unless set
         * @return this builder
         */
        public Builder migrateMode(MigrateMode mode) {
            this.migrateMode = Objects.requireNonNull(mode, "migrateMode");
            return this;
        }

        /**
         * What the store can do beyond the contract, as its backend declares it; none unless set.
         * {@link StoreCapability#COMMAND_RUNS} is declared by every store this builds, whatever this says.
         *
         * @param declared the capabilities the backend declares
         * @return this builder
         */
        public Builder capabilities(Set<StoreCapability> declared) {
            this.capabilities = EnumSet.noneOf(StoreCapability.class);
            this.capabilities.addAll(declared);
            return this;
        }

        /**
         * How long a unit of work waits for a database lock held elsewhere; 30 seconds unless set.
         *
         * @param timeout how long to wait, zero or more
         * @return this builder
         * @throws StoreConfigurationException when {@code timeout} is negative
         */
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
         * @return the open store; the caller closes it
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
            StoreSchema storeSchema = new StoreSchema(dialect, migrationSet, schema, busyTimeout, description,
                    transactionPooling);
            try {
                storeSchema.onOpening(connections.dataSource(), migrateMode);
            } catch (RuntimeException failure) {
                connections.close();
                throw failure;
            }
            LOG.debug("Opened the {} store {}: {}, migrate={}", dialect.name(), description,
                    dataSource != null ? "the caller's DataSource" : singleConnection ? "one connection"
                            : "a pool of up to " + maxIdleConnections + " idle connection(s)", migrateMode);
            return new JdbcStore(this, connections, storeSchema);
        }
    }

}
