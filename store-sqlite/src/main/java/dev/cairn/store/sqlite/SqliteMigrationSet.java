package dev.cairn.store.sqlite;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.Migration;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationSets;
import java.util.List;

/**
 * Cairn's schema for SQLite: module {@value #MODULE}, registered in
 * {@code META-INF/services/dev.cairn.migrations.MigrationSet}. The files are listed here, not scanned for,
 * so that the set works from a shaded jar. Immutable and thread-safe.
 */
public final class SqliteMigrationSet implements MigrationSet {
    /** The module whose versions the history table counts. */
    public static final String MODULE = "cairn";

    static final String FOLDER = "dev/cairn/store/sqlite/migrations";
    private static final String[] FILES = {"V1__init.sql", "V2__command_runs.sql"};

    private final List<Migration> migrations;

    /** For {@link java.util.ServiceLoader}. */
    public SqliteMigrationSet() {
        this.migrations = MigrationSets.classpath(SqliteMigrationSet.class.getClassLoader(), FOLDER, MODULE,
                Dialect.SQLITE, FILES).migrations();
    }

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public Dialect dialect() {
        return Dialect.SQLITE;
    }

    @Override
    public List<Migration> migrations() {
        return migrations;
    }
}
