package dev.cairn.migrations.schema;

import dev.cairn.migrations.BackupPolicy;
import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationDatabaseException;
import dev.cairn.migrations.MigrationInfo;
import dev.cairn.migrations.MigrationState;
import dev.cairn.migrations.MigrationVersion;
import dev.cairn.migrations.Migrator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Snapshots of what migrations build, taken by replaying them into a scratch database of a dialect that is
 * removed afterwards, whether the replay succeeded or not: a temporary SQLite file, an H2 in-memory database, or a
 * temporary schema on the PostgreSQL server the migrator is connected to. Thread-safe: no state; each replay has a
 * scratch database of its own.
 *
 * <pre>{@code
 * Migrator.Builder configured = Migrator.builder()
 *         .sets(MigrationSets.directory(Path.of("db/migration"), "app", Dialect.SQLITE));
 * SchemaSnapshot built = SchemaSources.replay(configured, Dialect.SQLITE);
 * }</pre>
 */
public final class SchemaSources {
    private SchemaSources() {
    }

    /**
     * What the live database holds beyond, or short of, the migrations its history says were applied: checks the
     * applied files against the history ({@link Migrator#validate()}, which fails on a changed one), replays into
     * scratch each module up to its newest applied version (a pending migration is no drift), and compares that
     * with the live schema.
     *
     * @param configured the builder {@code live} was built from; copied, not changed
     * @param live the migrator of the live database
     * @return the differences, from the replayed schema to the live one; empty when there is no drift
     * @throws dev.cairn.migrations.MigrationException when the applied files do not match the history, or the replay
     *                                                 fails
     */
    public static SchemaDiff drift(Migrator.Builder configured, Migrator live) {
        live.validate();
        SchemaSnapshot actual = live.snapshot();
        Migrator.Builder applied = configured.copy();
        newestApplied(live.info()).forEach((module, version) -> applied.target(module, version.toString()));
        return SchemaDiff.between(replay(applied, actual.dialect()), actual);
    }

    private static Map<String, MigrationVersion> newestApplied(List<MigrationInfo> infos) {
        Map<String, MigrationVersion> newest = new LinkedHashMap<>();
        for (MigrationInfo info : infos) {
            boolean applied = info.state() == MigrationState.APPLIED || info.state() == MigrationState.OUT_OF_ORDER;
            if (applied && info.version() != null) {
                newest.merge(info.module(), info.version(), (a, b) -> a.compareTo(b) >= 0 ? a : b);
            }
        }
        return newest;
    }

    /**
     * Migrates a scratch database of {@code dialect} with {@code configured}'s sets, placeholders, targets and
     * history table, and takes its snapshot. On SQLite and H2 the builder's connection is not used (it needs none);
     * on PostgreSQL the scratch schema is made on the server the builder connects to, and dropped afterwards. The
     * snapshot's schema is named {@code main} on SQLite, {@code PUBLIC} on H2 and {@code public} on PostgreSQL.
     *
     * @param configured the migrator whose sets are replayed; copied, not changed
     * @param dialect the dialect of the scratch database
     * @return the snapshot of the scratch database once migrated
     * @throws dev.cairn.migrations.MigrationException as {@link Migrator#migrate()} throws it when a migration fails
     */
    public static SchemaSnapshot replay(Migrator.Builder configured, Dialect dialect) {
        String scratch = "cairn_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return replay(configured, dialect, scratch);
    }

    /** {@link #replay(Migrator.Builder, Dialect)} into a scratch database named {@code scratch}. */
    static SchemaSnapshot replay(Migrator.Builder configured, Dialect dialect, String scratch) {
        Migrator.Builder copy = configured.copy().dialect(dialect).backupPolicy(BackupPolicy.off());
        return switch (dialect) {
            case SQLITE -> sqlite(copy, scratchFile(scratch));
            case H2 -> h2(copy, scratch);
            case POSTGRESQL -> renamed(postgres(copy, scratch), "public");
        };
    }

    /** The file a SQLite replay named {@code scratch} uses, in the JDK's temporary folder. */
    static Path scratchFile(String scratch) {
        return Path.of(System.getProperty("java.io.tmpdir"), scratch + ".db");
    }

    private static SchemaSnapshot sqlite(Migrator.Builder copy, Path file) {
        try {
            Files.createFile(file);
            try {
                Migrator migrator = copy.schema(null).jdbcUrl("jdbc:sqlite:" + file.toAbsolutePath()).build();
                migrator.migrate();
                return migrator.snapshot();
            } finally {
                for (String suffix : new String[] {"", "-journal", "-wal", "-shm"}) {
                    Files.deleteIfExists(Path.of(file + suffix));
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException("Could not make or remove the scratch SQLite file " + file, failure);
        }
    }

    private static SchemaSnapshot h2(Migrator.Builder copy, String scratch) {
        // Without DB_CLOSE_DELAY the database lives while a connection is open: this one keeps it for the
        // replay, and closing it removes the database.
        String url = "jdbc:h2:mem:" + scratch.toUpperCase(Locale.ROOT);
        try (Connection keeper = DriverManager.getConnection(url)) {
            Migrator migrator = copy.schema(null).jdbcUrl(url).build();
            migrator.migrate();
            return migrator.snapshot();
        } catch (SQLException failure) {
            throw new MigrationDatabaseException("Could not open the scratch H2 database " + url + ": "
                    + failure.getMessage(), failure);
        }
    }

    private static SchemaSnapshot postgres(Migrator.Builder copy, String scratch) {
        Migrator migrator = copy.schema(scratch).cleanEnabled(true).build();
        RuntimeException failed = null;
        try {
            migrator.migrate();
            return migrator.snapshot();
        } catch (RuntimeException failure) {
            failed = failure;
            throw failure;
        } finally {
            try {
                migrator.dropSchema();
            } catch (RuntimeException dropFailure) {
                if (failed == null) {
                    throw dropFailure;
                }
                failed.addSuppressed(dropFailure);
            }
        }
    }

    private static SchemaSnapshot renamed(SchemaSnapshot snapshot, String schema) {
        return new SchemaSnapshot(snapshot.dialect(), schema, snapshot.tables(), snapshot.indexes(), snapshot.views(),
                snapshot.triggers(), snapshot.sequences(), snapshot.routines(), snapshot.enums(), snapshot.domains());
    }
}
