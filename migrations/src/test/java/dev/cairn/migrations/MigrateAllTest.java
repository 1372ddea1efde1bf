package dev.cairn.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.test.postgres.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateAllTest {
    @TempDir
    Path temp;

    @Test
    void migratesEverySqliteFileOfAFolderWithAResultEach() throws Exception {
        Path databases = Files.createDirectories(temp.resolve("databases"));
        Path folder = TestFiles.basicFolder(temp);
        Migrator.Builder template = Migrator.builder()
                .sets(MigrationSets.directory(folder, "app", Dialect.SQLITE));
        for (String name : List.of("a.db", "b.sqlite", "c.db")) {
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databases.resolve(name))) {
                connection.createStatement().close();
            }
        }
        template.copy().jdbcUrl("jdbc:sqlite:" + databases.resolve("c.db")).target("app", "1").build().migrate();
        TestFiles.write(databases, "notes.txt", "not a database");

        List<TargetResult> results = MigrateAll.sqliteFolder(databases, template, 2);

        assertThat(results).extracting(result -> Path.of(result.target()).getFileName().toString())
                .containsExactly("a.db", "b.sqlite", "c.db");
        assertThat(results).allMatch(TargetResult::succeeded);
        assertThat(results).extracting(result -> result.result().applied().size()).containsExactly(3, 3, 2);
        assertThat(results.get(2).result().backupPath()).isPresent();
        assertThat(MigrateAll.sqliteFiles(databases)).hasSize(3);
    }

    @Test
    void oneFailingTargetDoesNotStopTheOthers() throws Exception {
        Path databases = Files.createDirectories(temp.resolve("databases"));
        Path folder = TestFiles.basicFolder(temp);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databases.resolve("bad.db"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE tags (x INTEGER)");
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databases.resolve("good.db"))) {
            connection.getMetaData();
        }

        List<TargetResult> results = MigrateAll.sqliteFolder(databases,
                Migrator.builder().sets(MigrationSets.directory(folder, "app", Dialect.SQLITE)), 2);

        assertThat(results).extracting(TargetResult::succeeded).containsExactly(false, true);
        assertThat(results.get(0).failure()).isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("V2__create_tags.sql");
    }

    @Test
    void migratesAListOfPostgresSchemasEachWithItsOwnHistory() throws SQLException {
        Path folder = TestFiles.basicFolder(temp);
        String prefix = "tenant_" + ProcessHandle.current().pid() + "_";
        List<String> schemas = List.of(prefix + "a", prefix + "b", prefix + "c");

        List<TargetResult> results = MigrateAll.schemas(PostgresServer.dataSource(), schemas,
                Migrator.builder().sets(MigrationSets.directory(folder, "app", Dialect.POSTGRESQL)), 2);

        assertThat(results).extracting(TargetResult::target).containsExactlyElementsOf(schemas);
        assertThat(results).allMatch(TargetResult::succeeded)
                .allMatch(result -> result.result().applied().size() == 3);
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + prefix + "b.cairn_schema_history")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(3);
        }
        assertThat(MigrateAll.schemas(PostgresServer.dataSource(), schemas,
                Migrator.builder().sets(MigrationSets.directory(folder, "app", Dialect.POSTGRESQL)), 2))
                .allMatch(result -> result.result().applied().isEmpty());
    }
}
