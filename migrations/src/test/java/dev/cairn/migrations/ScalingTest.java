package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten thousand migrations in one set apply once each, in one run, and a second run finds nothing to do. How
 * the time grows with the count is measured in the benchmarks ({@code MigrationBenchmark -p count=10000}),
 * not asserted here: a timed assertion fails on a busy machine.
 */
class ScalingTest {
    @TempDir
    Path temp;

    @Test
    void tenThousandMigrationsApplyOnceEachInOneRun() {
        List<Migration> migrations = new ArrayList<>();
        migrations.add(SqlMigration.of("1", "table", "V1__table.sql", "CREATE TABLE rows_table (id INTEGER);"));
        for (int index = 2; index <= 10_000; index++) {
            migrations.add(SqlMigration.of(String.valueOf(index), "row " + index, "V" + index + "__row.sql",
                    "-- one row; one statement\nINSERT INTO rows_table (id) VALUES (" + index + ");"));
        }
        Migrator migrator = Migrator.builder().jdbcUrl("jdbc:sqlite:" + temp.resolve("scale.db"))
                .sets(MigrationSet.of("scale", Dialect.SQLITE, migrations)).build();

        assertThat(migrator.migrate().applied()).hasSize(10_000);
        assertThat(migrator.migrate().applied()).isEmpty();
        assertThat(migrator.info()).hasSize(10_000).allMatch(info -> info.state() == MigrationState.APPLIED);
    }
}
