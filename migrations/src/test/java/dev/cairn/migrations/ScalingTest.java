package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's own cost grows linearly: history is read once per run, not per migration. Measured with
 * migrations whose database cost is flat (one INSERT each), so that SQLite's own growth with many tables
 * does not hide the engine's.
 */
class ScalingTest {
    @TempDir
    Path temp;

    @Test
    void tenThousandMigrationsTakeAtMostFiftyTimesAsLongAsTwoHundred() {
        run("warmup", 2_000);
        long small = Math.min(run("small-a", 200), run("small-b", 200));
        long large = run("large", 10_000);

        assertThat(large).as("10,000 migrations took %d ms, 200 took %d ms", large / 1_000_000, small / 1_000_000)
                .isLessThanOrEqualTo(50 * small);
    }

    private long run(String name, int count) {
        List<Migration> migrations = new ArrayList<>(count + 1);
        migrations.add(SqlMigration.of("1", "table", "V1__table.sql", "CREATE TABLE rows_table (id INTEGER);"));
        for (int index = 2; index <= count; index++) {
            migrations.add(SqlMigration.of(String.valueOf(index), "row " + index, "V" + index + "__row.sql",
                    "-- one row; one statement\nINSERT INTO rows_table (id) VALUES (" + index + ");"));
        }
        Migrator migrator = Migrator.builder().jdbcUrl("jdbc:sqlite:" + temp.resolve(name + ".db"))
                .sets(MigrationSet.of("scale", Dialect.SQLITE, migrations)).build();
        long start = System.nanoTime();
        assertThat(migrator.migrate().applied()).hasSize(count);
        assertThat(migrator.migrate().applied()).isEmpty();
        return System.nanoTime() - start;
    }
}
