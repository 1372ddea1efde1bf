package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn migrate}: Cairn's schema, a folder of the user's SQL, and many SQLite files at once. */
final class MigrateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private Path sql;
    private String url;

    @BeforeEach
    void writeMigrations() throws IOException {
        sql = Files.createDirectories(folder.resolve("db"));
        Files.writeString(sql.resolve("V1__widgets.sql"), "CREATE TABLE widget (id INTEGER PRIMARY KEY);\n");
        Files.writeString(sql.resolve("V2__widget_name.sql"), "ALTER TABLE widget ADD COLUMN name TEXT;\n");
        Files.writeString(sql.resolve("U2__widget_name.sql"), "ALTER TABLE widget DROP COLUMN name;\n");
        url = "sqlite:" + folder.resolve("plan.db");
    }

    private Cli.Result run(Cli cli, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    private String ok(String... args) {
        Cli.Result result = run(new Cli(folder), args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).as(result.toString()).isEmpty();
        return result.out();
    }

    private JsonNode json(String... args) throws IOException {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--format=json");
        return JSON.readTree(ok(all.toArray(String[]::new)));
    }

    @Test
    void cairnsSchemaIsPendingThenAppliedThenValid() throws IOException {
        // migrate info and dry-run only read, and make no file: an empty one is an empty SQLite database.
        Files.createFile(folder.resolve("plan.db"));
        assertThat(ok("migrate", "info")).contains("cairn         1  init").contains("pending");
        assertThat(ok("migrate", "dry-run")).contains("CREATE TABLE").contains("cairn_schema_history");
        assertThat(Files.exists(folder.resolve("plan.db"))).isTrue();
        JsonNode up = json("migrate", "up");
        assertThat(up.get(0).get("succeeded").asBoolean()).isTrue();
        assertThat(up.get(0).get("applied")).hasSize(2);
        assertThat(ok("migrate", "up")).endsWith(": up to date\n");
        assertThat(ok("migrate", "validate")).endsWith(": valid\n");
        assertThat(json("migrate", "info").get(0).get("migrations").get(1).get("state").asText()).isEqualTo("applied");
    }

    @Test
    void theUsersOwnFolderMigratesUndoesAndStopsAtATarget() throws IOException {
        assertThat(ok("migrate", "up", "--location", sql.toString(), "--target", "1"))
                .contains("applied app 1 widgets");
        assertThat(ok("migrate", "info", "--location", sql.toString())).contains("widgets      applied")
                .contains("widget name  pending");
        assertThat(ok("migrate", "up", "--location", sql.toString())).contains("applied app 2 widget name");
        assertThat(ok("migrate", "undo", "--location", sql.toString())).contains("undid app 2 widget name");
        assertThat(json("migrate", "info", "--location", sql.toString()).get(0).get("migrations").get(1)
                .get("state").asText()).isEqualTo("pending");
    }

    @Test
    void baselineAdoptsADatabaseMadeBefore() throws IOException, SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("plan.db"));
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE widget (id INTEGER PRIMARY KEY)");
        }
        ok("migrate", "baseline", "--version", "1", "--location", sql.toString());
        JsonNode up = json("migrate", "up", "--location", sql.toString());
        assertThat(up.get(0).get("applied")).hasSize(1);
        assertThat(up.get(0).get("applied").get(0).get("version").asText()).isEqualTo("2");
    }

    @Test
    void aChangedFileFailsValidationUntilRepaired() throws IOException {
        ok("migrate", "up", "--location", sql.toString());
        Files.writeString(sql.resolve("V1__widgets.sql"), "CREATE TABLE widget (id INTEGER PRIMARY KEY, x INT);\n");
        Cli.Result invalid = run(new Cli(folder), "migrate", "validate", "--location", sql.toString());
        assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(invalid.err()).startsWith("cairn: ").contains("V1__widgets.sql").contains("migrate repair");
        assertThat(invalid.err().lines()).hasSize(1);
        assertThat(ok("migrate", "repair", "--location", sql.toString())).contains("realigned checksums [app 1");
        ok("migrate", "validate", "--location", sql.toString());
    }

    @Test
    void migratesEverySqliteFileOfAFolderAndReportsEach() throws IOException {
        Path plans = Files.createDirectories(folder.resolve("plans"));
        for (String name : List.of("a.db", "b.db", "c.db")) {
            Files.createFile(plans.resolve(name));
        }
        Files.writeString(plans.resolve("notes.txt"), "not a database");
        Cli.Result piped = run(new Cli(folder), "migrate", "up", "--folder", plans.toString(), "--format", "json");
        assertThat(piped.exitCode()).as(piped.toString()).isZero();
        assertThat(piped.err()).isEmpty();
        JsonNode results = JSON.readTree(piped.out());
        assertThat(results).hasSize(3);
        results.forEach(result -> assertThat(result.get("applied")).hasSize(2));
        assertThat(results.get(0).get("target").asText()).endsWith("a.db");
        assertThat(ok("migrate", "validate", "--folder", plans.toString()).lines()).hasSize(3);
    }

    @Test
    void oneBrokenFileFailsAloneAndTheRunExitsOne() throws IOException {
        Path plans = Files.createDirectories(folder.resolve("plans"));
        Files.createFile(plans.resolve("a.db"));
        Files.createFile(plans.resolve("c.db"));
        Path broken = plans.resolve("b.db");
        Files.write(broken, "SQLite format 3\0 and then nothing a database holds, not even a page".getBytes(
                StandardCharsets.US_ASCII));
        Cli.Result result = run(new Cli(folder), "migrate", "up", "--folder", plans.toString());
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.out()).contains("a.db: applied").contains("b.db: FAILED").contains("c.db: applied");
        assertThat(result.err()).isEqualTo("cairn: 1 of 3 databases failed.\n");
    }

    @Test
    void drawsAProgressBarAtATerminalOnly() throws IOException {
        Path plans = Files.createDirectories(folder.resolve("plans"));
        for (String name : List.of("a.db", "b.db")) {
            Files.createFile(plans.resolve(name));
        }
        Cli.Result result = run(new Cli(folder).interactive(""), "migrate", "up", "--folder", plans.toString());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("[###").contains("2/2 migrating").contains("\r");
        assertThat(result.out()).doesNotContain("\r");
    }

    @Test
    void aTargetThatIsNoVersionFailsNamingTheVersionsAndAMalformedOneIsAUsageError() {
        Cli.Result missing = run(new Cli(folder), "migrate", "up", "--location", sql.toString(), "--target", "3");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(missing.err()).contains("Target version 3 of module 'app' does not exist").contains("1, 2");
        assertThat(ok("migrate", "info", "--location", sql.toString())).doesNotContain("applied");

        Cli.Result malformed = run(new Cli(folder), "migrate", "up", "--location", sql.toString(), "--target", "v2");
        assertThat(malformed.exitCode()).as(malformed.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(malformed.err()).contains("--target").contains("'v2'");
    }

    @Test
    void severalLocationsWithPlaceholdersFromTheOptionTheEnvironmentAndCairnYamlAndOutOfOrder()
            throws IOException, SQLException {
        Path extra = Files.createDirectories(folder.resolve("extra"));
        Files.writeString(extra.resolve("V1.5__labels.sql"), "CREATE TABLE ${prefix}_labels (id INTEGER);\n"
                + "CREATE TABLE ${suffix_owner} (id INTEGER);\nCREATE TABLE ${fromyaml} (id INTEGER);\n");
        Files.writeString(extra.resolve("README.md"), "Not a migration.\n");
        Files.writeString(folder.resolve("cairn.yaml"), "url: " + url + "\nplaceholders:\n  fromyaml: yaml_table\n");
        ok("migrate", "up", "--location", sql.toString());
        Cli cli = new Cli(folder).variable("CAIRN_PLACEHOLDER_SUFFIX_OWNER", "env_table");

        Cli.Result refused = cli.run("migrate", "up", "--location", sql.toString(), "--location", extra.toString(),
                "--placeholder", "prefix=opt");
        Cli.Result applied = cli.run("migrate", "up", "--location", sql.toString(), "--location", extra.toString(),
                "--placeholder", "prefix=opt", "--out-of-order");

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.err()).contains("V1.5__labels.sql").contains("--out-of-order");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        assertThat(applied.out()).contains("applied app 1.5 labels");
        assertThat(cli.run("migrate", "info", "--location", sql.toString(), "--location", extra.toString()).out())
                .contains("applied out of order");
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("plan.db"));
             Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT count(*) FROM opt_labels, env_table, yaml_table").close();
        }
    }

    @Test
    void upOnAFlywayManagedDatabasePointsToBaselineFromFlywayWhichAdoptsItsHistory() throws IOException, SQLException {
        String v1 = Files.readString(sql.resolve("V1__widgets.sql"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("plan.db"));
             Statement statement = connection.createStatement()) {
            // The table and row Flyway writes on SQLite.
            statement.execute("CREATE TABLE flyway_schema_history (installed_rank INT NOT NULL PRIMARY KEY,"
                    + " version VARCHAR(50), description VARCHAR(200) NOT NULL, type VARCHAR(20) NOT NULL,"
                    + " script VARCHAR(1000) NOT NULL, checksum INT, installed_by VARCHAR(100) NOT NULL,"
                    + " installed_on TEXT NOT NULL DEFAULT (strftime('%Y-%m-%d %H:%M:%f','now')),"
                    + " execution_time INT NOT NULL, success BOOLEAN NOT NULL)");
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script,"
                    + " checksum, installed_by, execution_time, success) VALUES (1, '1', 'widgets', 'SQL',"
                    + " 'V1__widgets.sql', " + dev.cairn.migrations.internal.FlywayChecksums.of(v1) + ", 'ana', 3, 1)");
            statement.execute(v1);
        }

        Cli.Result refused = run(new Cli(folder), "migrate", "up", "--location", sql.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.err()).contains("managed by Flyway").contains("baseline --from-flyway");
        assertThat(ok("migrate", "baseline", "--from-flyway", "--location", sql.toString()))
                .contains("adopted Flyway's history of 1 migration(s)");
        assertThat(ok("migrate", "up", "--location", sql.toString())).contains("applied app 2 widget name");
        Cli.Result both = run(new Cli(folder), "migrate", "baseline", "--from-flyway", "--version", "1");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void cleanNeedsAllowCleanAndDryRunOfflineNeedsNoDatabase() {
        ok("migrate", "up", "--location", sql.toString());
        Cli.Result refused = run(new Cli(folder), "migrate", "clean", "--location", sql.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.err()).contains("--allow-clean");
        assertThat(ok("migrate", "clean", "--allow-clean", "--location", sql.toString())).contains("table widget");
        assertThat(ok("migrate", "info", "--location", sql.toString())).doesNotContain("applied");

        Path none = folder.resolve("none.db");
        Cli.Result offline = new Cli(folder).run("--url", "sqlite:" + none, "migrate", "dry-run", "--offline",
                "--dialect", "postgresql", "--location", sql.toString(), "--from", "1", "--target", "2");
        assertThat(offline.exitCode()).as(offline.toString()).isZero();
        assertThat(offline.out()).contains("ALTER TABLE widget ADD COLUMN name TEXT;")
                .doesNotContain("CREATE TABLE widget").contains("INSERT INTO cairn_schema_history");
        assertThat(Files.exists(none)).isFalse();
        Cli.Result noDialect = run(new Cli(folder), "migrate", "dry-run", "--offline");
        assertThat(noDialect.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anEmptyFolderHasNothingToDo() throws IOException {
        Path empty = Files.createDirectories(folder.resolve("empty"));
        assertThat(ok("migrate", "up", "--folder", empty.toString())).contains("holds no SQLite file");
    }

    @Test
    void aStoreWithoutASchemaIsAUsageError() {
        Cli.Result result = new Cli(folder).run("--url", "memory:", "migrate", "info");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("memory:").contains("sqlite:");
    }

    @Test
    void schemasNeedAPostgresStore() {
        Cli.Result result = run(new Cli(folder), "migrate", "up", "--schemas", "a,b");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("--schemas needs a postgresql: store");
    }

    @Test
    void migrateAloneIsAUsageError() {
        Cli.Result result = run(new Cli(folder), "migrate");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("migrate info, validate, up");
    }

    @Test
    void undoingWithoutUndoFilesFails() {
        ok("migrate", "up");
        Cli.Result result = run(new Cli(folder), "migrate", "undo");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).startsWith("cairn: ");
    }

    @Test
    void migrateWaitsForAnotherMigratorsLockAsLongAsTheLockTimeoutSays() throws Exception {
        ok("migrate", "up");
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("plan.db"));
             Statement statement = holder.createStatement()) {
            // The write lock another migrator would hold while it migrates.
            statement.execute("BEGIN IMMEDIATE");
            Cli.Result option = run(new Cli(folder), "migrate", "up", "--location", sql.toString(), "--lock-timeout",
                    "300ms");
            assertThat(option.exitCode()).as(option.toString()).isNotZero();
            assertThat(option.err()).contains("within 300 ms").contains("--lock-timeout");
            Cli.Result property = new Cli(folder).run("--url", url + "?lockTimeout=200", "migrate", "up",
                    "--location", sql.toString());
            assertThat(property.err()).as(property.toString()).contains("within 200 ms");
            statement.execute("ROLLBACK");
        }
        assertThat(new Cli(folder).run("--url", url + "?lockTimeout=soon", "migrate", "info").exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }
}
