package dev.cairn.store.h2;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.Migration;
import dev.cairn.migrations.MigrationSet;
import dev.cairn.migrations.MigrationSets;
import java.util.List;

/**
 * Cairn's schema for H2: module {@value #MODULE}, registered in
 * {@code META-INF/services/dev.cairn.migrations.MigrationSet}. The files are listed here, not scanned for,
 * so that the set works from a shaded jar. Immutable and thread-safe.
 */
public final class H2MigrationSet implements MigrationSet {
    /** The module whose versions the history table counts. */
    public static final String MODULE = "cairn";

    static final String FOLDER = "dev/cairn/store/h2/migrations";
    private static final String[] FILES = {"V1__init.sql", "V2__command_runs.sql"};

    private final List<Migration> migrations;

    /** For {@link java.util.ServiceLoader}. */
    public H2MigrationSet() {
        this.migrations = MigrationSets.classpath(H2MigrationSet.class.getClassLoader(), FOLDER, MODULE,
                Dialect.H2, FILES).migrations();
    }

    @Override
    public String module() {
        return MODULE;
    }

    @Override
    public Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    public List<Migration> migrations() {
        return migrations;
    }
}
