package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.MigrationDatabaseException;
import dev.cairn.migrations.MigrationLockTimeoutException;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationVersion;
import dev.cairn.migrations.SqlMigration;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection for one operation: dialect, lock, schema, and the history read once. Not thread-safe.
 */
final class Session implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    /** A wait for the migration lock longer than this is worth a line: another migrator held it. */
    private static final long NOTED_LOCK_WAIT_NANOS = 1_000_000_000L;
    final MigratorConfig config;
    final Connection connection;
    final DialectSupport support;
    HistoryTable history;
    final String target;
    /** The target as log lines name it: a DataSource's by its database URL, password masked. */
    final String logTarget;
    private MigrationLock lock;
    private boolean historyExists;
    private List<HistoryRow> rows = List.of();
    private int nextRank = 1;
    private String schemaName;
    private String sessionPath;
    private LentSession lent;

    private Session(MigratorConfig config, Connection connection, DialectSupport support) {
        this.config = config;
        this.connection = connection;
        this.support = config.transactionPooling()
                ? new PostgresTransactionPooling(support, config.connections(), config.lockTimeout()) : support;
        this.target = config.connections().describe() + (config.schema() == null ? "" : " schema " + config.schema());
        this.logTarget = config.connections().jdbcUrl() != null ? target
                : databaseUrl(connection).map(url -> ConnectionSource.mask(url)
                        + (config.schema() == null ? "" : " schema " + config.schema())).orElse(target);
    }

    private static Optional<String> databaseUrl(Connection connection) {
        try {
            return Optional.ofNullable(connection.getMetaData().getURL());
        } catch (SQLException | RuntimeException noUrl) {
            return Optional.empty();
        }
    }

    static Session open(MigratorConfig config, boolean locked) {
        Connection connection;
        try {
            connection = config.connections().open();
        } catch (SQLException failure) {
            throw new MigrationDatabaseException("Cannot connect to " + config.connections().describe() + ": "
                    + failure.getMessage(), failure);
        }
        try {
            Dialect dialect = config.dialect() != null ? config.dialect()
                    : Dialect.fromProductName(connection.getMetaData().getDatabaseProductName());
            if (config.transactionPooling() && dialect != Dialect.POSTGRESQL) {
                throw new MigrationConfigurationException("transactionPooling is for PostgreSQL behind a"
                        + " transaction-pooling proxy; " + config.connections().describe() + " is " + dialect + ".");
            }
            Session session = new Session(config, connection, DialectSupport.of(dialect));
            session.start(locked);
            return session;
        } catch (SQLException failure) {
            closeQuietly(connection);
            throw new MigrationDatabaseException("Cannot prepare " + config.connections().describe() + ": "
                    + failure.getMessage() + PoolerHints.of(failure), failure);
        } catch (RuntimeException failure) {
            closeQuietly(connection);
            throw failure;
        }
    }

    private void start(boolean locked) throws SQLException {
        if (config.connections().lent()) {
            lent = LentSession.save(connection, support.dialect(), config.transactionPooling());
        }
        support.configureSession(connection, config.lockTimeout());
        // The connection's current schema is asked for (a round trip) only when no schema is configured.
        schemaName = config.schema() != null ? config.schema() : Objects.toString(connection.getSchema(), "");
        if (locked) {
            long waitStarted = System.nanoTime();
            try {
                lock = support.lock(connection, config.connections(), schemaName + "." + config.historyTable(),
                        config.historyTable(), config.lockTimeout());
            } catch (MigrationLockTimeoutException timeout) {
                throw support.dialect() == Dialect.POSTGRESQL ? PoolerHints.lockTimeout(timeout) : timeout;
            }
            long waited = System.nanoTime() - waitStarted;
            if (waited > NOTED_LOCK_WAIT_NANOS) {
                LOG.info("Waited {} ms for the migration lock of {}: another migrator held it", waited / 1_000_000,
                        logTarget);
            }
        }
        history = new HistoryTable(support.dialect(), config.historyTable(), schemaName);
        DialectSupport.SessionStart started = support.startSession(connection, config.schema(), locked, history);
        sessionPath = started.sessionPath();
        historyExists = started.historyExists();
        if (historyExists) {
            rows = history.readAll(connection);
            nextRank = rows.stream().mapToInt(HistoryRow::rank).max().orElse(0) + 1;
        }
    }

    Dialect dialect() {
        return support.dialect();
    }

    List<HistoryRow> rows() {
        return rows;
    }

    boolean historyExists() {
        return historyExists;
    }

    void ensureHistoryTable() throws SQLException {
        if (!historyExists) {
            if (config.transactionPooling()) {
                // Under the lock of a transaction: two migrators creating it at once would collide.
                support.beginMigration(connection);
                try {
                    history.create(connection);
                    support.commitMigration(connection);
                } catch (SQLException | RuntimeException failure) {
                    support.rollbackMigration(connection);
                    throw failure;
                }
            } else {
                history.create(connection);
            }
            historyExists = true;
        }
    }

    /**
     * Behind a transaction pooler, in a migration's transaction, which holds the lock: reads the history again and
     * says whether another migrator applied {@code migration} since this one read it (the run then skips it); the
     * next rank follows the history as read now. False, reading nothing, where the run holds one lock throughout.
     */
    boolean appliedMeanwhile(ResolvedMigration migration) throws SQLException {
        if (!config.transactionPooling()) {
            return false;
        }
        rows = history.readAll(connection);
        nextRank = rows.stream().mapToInt(HistoryRow::rank).max().orElse(0) + 1;
        MigrationVersion version = migration.migration().version();
        return rows.stream().anyMatch(row -> row.success() && row.module().equals(migration.module())
                && (version != null ? version.equals(row.version())
                : row.isRepeatable() && row.description().equals(migration.migration().description())
                && Objects.equals(row.checksum(), migration.checksum())));
    }

    /**
     * Refuses, behind a transaction pooler, a migration that must run outside a transaction: no transaction lock
     * would cover it, and each of its statements might run on another server session.
     */
    void refuseOutsideTransaction(ResolvedMigration migration, MigrationWork work) {
        if (config.transactionPooling() && (work.outsideTransaction() || work.foreignKeysOff())) {
            throw new MigrationConfigurationException(migration.label() + " (file " + work.script() + ") cannot run"
                    + " in a transaction, and " + target + " is reached through a transaction-pooling proxy"
                    + " (transactionPooling, the store property pooling=transaction), where no lock covers a statement"
                    + " outside a transaction. Run this migration on a direct connection to the server (without"
                    + " pooling=transaction), then migrate through the proxy again.");
        }
    }

    /**
     * Local migrations against the history; a failed row's problem names what its run left in the database
     * (an INVALID index, say) and how to clear it.
     */
    /** The sets to migrate, dependencies first. */
    List<MigrationSet> sets() {
        List<MigrationSet> sets = config.sets() != null ? config.sets()
                : MigrationSetRegistry.sets(config.classLoader()).stream()
                        .filter(set -> set.dialect() == dialect())
                        .toList();
        return ModuleOrder.order(sets);
    }

    /** Drops every object of the managed schema or file, the history table among them, in one transaction. */
    List<String> clean() throws SQLException {
        boolean sqlite = dialect() == Dialect.SQLITE;
        boolean foreignKeys = false;
        if (sqlite) {
            // Off, and outside a transaction where that takes effect: no drop order can then fail or cascade.
            support.leaveRunTransaction(connection);
            foreignKeys = support.foreignKeysOn(connection);
            support.setForeignKeys(connection, false);
            support.enterRunTransaction(connection);
        }
        try {
            support.beginMigration(connection);
            List<String> dropped;
            try {
                dropped = support.clean(connection, schemaName, config.historyTable() + "_lock");
                support.commitMigration(connection);
            } catch (SQLException | RuntimeException failure) {
                try {
                    support.rollbackMigration(connection);
                } catch (SQLException rollback) {
                    failure.addSuppressed(rollback);
                }
                throw failure;
            }
            historyExists = false;
            rows = List.of();
            nextRank = 1;
            return dropped;
        } finally {
            if (sqlite) {
                support.leaveRunTransaction(connection);
                support.setForeignKeys(connection, foreignKeys);
                support.enterRunTransaction(connection);
            }
        }
    }

    FlywayHistory flywayHistory() {
        return new FlywayHistory(dialect(), schemaName);
    }

    Callbacks callbacks() throws SQLException {
        return new Callbacks(connection, sets(), config.callbacks(), support, support.serverMajorVersion(connection),
                placeholders());
    }

    Plan plan() throws SQLException {
        Plan plan = new Plan(sets(), rows, config.targets(), config.outOfOrder());
        for (HistoryRow failed : plan.failedRows()) {
            MigrationWork work = interruptedWork(plan, failed);
            if (work == null) {
                continue;
            }
            List<Leftover> leftovers = support.leftovers(connection, work.statements());
            if (!leftovers.isEmpty()) {
                plan.adviseOn(failed, "It left " + leftovers.stream().map(Leftover::description)
                        .collect(Collectors.joining(", ")) + ". Remove " + (leftovers.size() == 1 ? "it" : "them")
                        + " with " + leftovers.stream().map(leftover -> leftover.removal() + ";")
                        .collect(Collectors.joining(" ")) + " then run repair and migrate again; or declare the"
                        + " file '-- cairn:retryable' to have the next migrate do both.");
            }
        }
        return plan;
    }

    /**
     * Clears the failed rows of migrations that ran outside a transaction and declare themselves safe to run
     * again ({@code -- cairn:retryable}), with what their interrupted run left, so that they run again.
     *
     * @return whether a row was cleared, and the history read again
     */
    boolean clearRetryable(Plan plan) throws SQLException {
        boolean cleared = false;
        for (HistoryRow failed : plan.failedRows()) {
            MigrationWork work = interruptedWork(plan, failed);
            if (work == null || !TransactionMode.declaredRetryable(((SqlMigration) plan.local(failed.module(),
                    failed.version()).migration()).sql())) {
                continue;
            }
            for (Leftover leftover : support.leftovers(connection, work.statements())) {
                DialectSupport.execute(connection, leftover.removal());
            }
            history.delete(connection, failed.rank());
            cleared = true;
        }
        if (cleared) {
            rows = history.readAll(connection);
        }
        return cleared;
    }

    /** The SQL work of a failed row's migration when it ran outside a transaction, else null. */
    private MigrationWork interruptedWork(Plan plan, HistoryRow failed) throws SQLException {
        ResolvedMigration migration = plan.local(failed.module(), failed.version());
        if (migration == null || !(migration.migration() instanceof SqlMigration)
                || !String.valueOf(migration.checksum()).equals(String.valueOf(failed.checksum()))) {
            return null;
        }
        MigrationWork work = MigrationWork.of(migration, false, dialect(), support.serverMajorVersion(connection),
                placeholders());
        return work.outsideTransaction() ? work : null;
    }

    Map<String, String> placeholders() {
        Map<String, String> values = new HashMap<>();
        values.put("schema", schemaName);
        values.put("historyTable", config.historyTable());
        values.putAll(config.placeholders());
        return values;
    }

    /** The search path (or schema) the engine set, or null where there is none. */
    String sessionPath() {
        return sessionPath;
    }

    /** Gives the session back the search path (or schema) the engine set, whatever the migration did to it. */
    void restoreSessionPath() throws SQLException {
        if (sessionPath != null) {
            support.restoreSessionPath(connection, sessionPath);
        }
    }

    /**
     * Fails when another migrator wrote to the history while this one let go of the lock (SQLite, to switch
     * foreign keys off), so that no migration is applied twice.
     */
    void requireHistoryUnchanged(ResolvedMigration migration) throws SQLException {
        List<HistoryRow> now = history.readAll(connection);
        int last = now.stream().mapToInt(HistoryRow::rank).max().orElse(0);
        if (last != nextRank - 1) {
            throw new MigrationDatabaseException("Another migrator changed " + history.name() + " on " + target
                    + " while this one released its lock to switch foreign keys off for " + migration.label()
                    + "; nothing of it was applied. Run migrate again.", null);
        }
    }

    int takeRank() {
        return nextRank++;
    }

    HistoryRow newRow(ResolvedMigration migration, long millis, boolean success) throws SQLException {
        return new HistoryRow(takeRank(), migration.module(), migration.migration().version(),
                migration.migration().description(), migration.type(), migration.migration().script(),
                migration.checksum(), migration.checksumAlgorithm(), installedBy(), Instant.now(), millis, success);
    }

    String installedBy() throws SQLException {
        if (config.installedBy() != null) {
            return config.installedBy();
        }
        String user = connection.getMetaData().getUserName();
        return user == null || user.isBlank() ? System.getProperty("user.name", "unknown") : user;
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.close();
            }
        } catch (SQLException failure) {
            throw new MigrationDatabaseException("Cannot release the migration lock on " + target + ": "
                    + failure.getMessage(), failure);
        } finally {
            giveBackAndClose();
        }
    }

    /** A borrowed connection goes back to its pool with the state it came with; one that cannot is dropped. */
    private void giveBackAndClose() {
        if (lent != null) {
            try {
                lent.restore(connection);
            } catch (SQLException failure) {
                // A pool would lend it on with the engine's schema: better closed for good.
                abortQuietly(connection);
            }
        }
        closeQuietly(connection);
    }

    private static void abortQuietly(Connection connection) {
        try {
            connection.abort(Runnable::run);
        } catch (SQLException | RuntimeException ignored) {
            // Closing follows either way.
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Closing after a failure: the first failure is the one to report.
        }
    }
}
