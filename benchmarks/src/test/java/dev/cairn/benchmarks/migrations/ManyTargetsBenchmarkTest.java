package dev.cairn.benchmarks.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.test.postgres.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cairn's run over many targets and Flyway's loop do the same work, on a few targets. */
class ManyTargetsBenchmarkTest {

    private static long count(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void bothEnginesMigrateEverySchemaWithEveryMigration() throws SQLException {
        Path migrations = GeneratedMigrations.write(2);
        try {
            List<String> cairn = new ArrayList<>();
            List<String> flyway = new ArrayList<>();
            for (int index = 0; index < 3; index++) {
                cairn.add(PostgresServer.freshSchema("many_cairn"));
                flyway.add(PostgresServer.freshSchema("many_flyway"));
            }

            assertThat(ManyTargetsBenchmark.cairnSchemas(migrations, cairn, 2)).isEqualTo(6);
            assertThat(ManyTargetsBenchmark.flywaySchemas(migrations, flyway)).isEqualTo(6);
            for (String schema : cairn) {
                assertThat(count(PostgresServer.jdbcUrl(schema), "SELECT count(*) FROM bench_2")).isEqualTo(1);
            }
            for (String schema : flyway) {
                assertThat(count(PostgresServer.jdbcUrl(schema), "SELECT count(*) FROM bench_2")).isEqualTo(1);
            }
        } finally {
            GeneratedMigrations.delete(migrations);
        }
    }

    @Test
    void bothEnginesMigrateEverySqliteFileWithEveryMigration() throws SQLException {
        Path migrations = GeneratedMigrations.write(2);
        Path cairn = ManyTargetsBenchmark.emptyFiles(3);
        Path flyway = ManyTargetsBenchmark.emptyFiles(3);
        try {
            assertThat(ManyTargetsBenchmark.cairnFiles(migrations, cairn, 2)).isEqualTo(6);
            assertThat(ManyTargetsBenchmark.flywayFiles(migrations, flyway)).isEqualTo(6);
            assertThat(count("jdbc:sqlite:" + cairn.resolve("tenant-2.db"), "SELECT count(*) FROM bench_2"))
                    .isEqualTo(1);
            assertThat(count("jdbc:sqlite:" + flyway.resolve("tenant-2.db"), "SELECT count(*) FROM bench_2"))
                    .isEqualTo(1);
        } finally {
            GeneratedMigrations.delete(migrations);
            GeneratedMigrations.delete(cairn);
            GeneratedMigrations.delete(flyway);
        }
    }
}
