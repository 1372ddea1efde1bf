package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.schema.SchemaSnapshot;
import dev.cairn.migrations.schema.SchemaSnapshots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn migrate snapshot} and {@code cairn migrate diff} on SQLite and H2. */
final class SchemaCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private Path sql;
    private Path plan;
    private String url;

    @BeforeEach
    void migrateAFolder() throws IOException {
        sql = Files.createDirectories(folder.resolve("db"));
        Files.writeString(sql.resolve("V1__widgets.sql"), "CREATE TABLE widget (id INTEGER PRIMARY KEY);\n");
        Files.writeString(sql.resolve("V2__widget_name.sql"), "ALTER TABLE widget ADD COLUMN name TEXT;\n"
                + "CREATE INDEX widget_name_idx ON widget (name);\n");
        plan = folder.resolve("plan.db");
        url = "sqlite:" + plan;
        assertThat(run("--url", url, "migrate", "up", "--location", sql.toString()).exitCode()).isZero();
    }

    private Cli.Result run(String... args) {
        return new Cli(folder).run(args);
    }

    private static void execute(String jdbcUrl, String statementText) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(statementText);
        }
    }

    @Test
    void aSnapshotGoesToStdoutOrToTheFileOfMinusO() throws IOException {
        Cli.Result printed = run("--url", url, "migrate", "snapshot");
        Cli.Result written = run("--url", url, "migrate", "snapshot", "-o", "schema.json");

        assertThat(printed.exitCode()).as(printed.toString()).isZero();
        SchemaSnapshot fromStdout = SchemaSnapshot.fromJson(printed.out());
        assertThat(fromStdout.dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(fromStdout.tables()).containsOnlyKeys("widget");
        assertThat(fromStdout.indexes()).containsOnlyKeys("widget_name_idx");
        assertThat(written.exitCode()).as(written.toString()).isZero();
        assertThat(written.out()).contains("wrote 1 table(s), 1 index(es), 0 view(s) to ");
        assertThat(SchemaSnapshots.read(folder.resolve("schema.json"))).isEqualTo(fromStdout);
    }

    @Test
    void aFolderReplayedEqualsTheDatabaseItMigrated() {
        Cli.Result result = run("migrate", "diff", "--from", "folder:db", "--to", url);

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.out()).isEqualTo("No differences.\n");
        assertThat(run("migrate", "diff", "--from", url, "--to", sql.toString()).exitCode()).isZero();
    }

    @Test
    void aColumnAddedByHandIsTheDifferenceAsTextAndJson() throws SQLException, IOException {
        assertThat(run("--url", url, "migrate", "snapshot", "-o", "schema.json").exitCode()).isZero();
        execute("jdbc:sqlite:" + plan, "ALTER TABLE widget ADD COLUMN colour TEXT");

        Cli.Result text = run("migrate", "diff", "--from", "folder:db", "--to", url);
        Cli.Result json = run("migrate", "diff", "--from", "schema.json", "--to", url, "--format", "json");

        assertThat(text.exitCode()).as(text.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(text.out()).startsWith("~ tables.widget\n").contains("columns.colour.type: null -> TEXT")
                .doesNotContain("widget_name_idx");
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(ExitCodes.FAILURE);
        JsonNode diff = JSON.readTree(json.out());
        assertThat(diff.get("equal").asBoolean()).isFalse();
        assertThat(diff.get("changes")).hasSize(1);
        assertThat(diff.get("changes").get(0).get("key").asText()).isEqualTo("widget");
        assertThat(diff.get("changes").get(0).get("change").asText()).isEqualTo("changed");
        assertThat(diff.get("changes").get(0).get("properties").findValuesAsText("property"))
                .contains("columns.colour.type");
    }

    @Test
    void aMissingStoreFileOrFolderExitsThreeAndMakesNothing() {
        Path missing = folder.resolve("missing.db");

        Cli.Result snapshot = run("--url", "sqlite:" + missing, "migrate", "snapshot");
        Cli.Result store = run("migrate", "diff", "--from", "folder:db", "--to", "sqlite:" + missing);
        Cli.Result file = run("migrate", "diff", "--from", "nothing.json", "--to", url);
        Cli.Result location = run("migrate", "diff", "--from", "folder:nowhere", "--to", url);

        assertThat(snapshot.exitCode()).as(snapshot.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(store.exitCode()).as(store.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(file.exitCode()).as(file.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(file.err()).contains("nothing.json");
        assertThat(location.exitCode()).as(location.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(location.err()).contains("nowhere");
        assertThat(missing).doesNotExist();
    }

    @Test
    void sourcesThatNameNothingAreUsageErrors() throws IOException {
        Files.writeString(folder.resolve("broken.json"), "{\"dialect\": ");

        Cli.Result unknown = run("migrate", "diff", "--from", "bogus", "--to", url);
        Cli.Result twoFolders = run("migrate", "diff", "--from", "folder:db", "--to", "folder:db");
        Cli.Result noTo = run("migrate", "diff", "--from", url);
        Cli.Result badDialect = run("migrate", "diff", "--from", "folder:db", "--to", "folder:db", "--dialect", "x");
        Cli.Result malformed = run("migrate", "diff", "--from", "broken.json", "--to", url);

        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("bogus");
        assertThat(twoFolders.exitCode()).as(twoFolders.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(twoFolders.err()).contains("--dialect");
        assertThat(noTo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(badDialect.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(malformed.exitCode()).as(malformed.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(malformed.err()).contains("broken.json");
    }

    @Test
    void twoFoldersCompareInTheDialectGiven() throws IOException {
        Path other = Files.createDirectories(folder.resolve("other"));
        Files.copy(sql.resolve("V1__widgets.sql"), other.resolve("V1__widgets.sql"));

        Cli.Result result = run("migrate", "diff", "--from", "folder:db", "--to", "folder:other", "--dialect", "h2");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.out()).contains("- indexes.WIDGET_NAME_IDX").contains("~ tables.WIDGET");
    }

    @Test
    void anH2StoreEqualsItsFolderUntilAnIndexIsDroppedByHand() throws SQLException {
        String h2 = "h2:file:" + folder.resolve("h2plan");
        assertThat(run("--url", h2, "migrate", "up", "--location", sql.toString()).exitCode()).isZero();

        Cli.Result equal = run("migrate", "diff", "--from", "folder:db", "--to", h2);
        execute("jdbc:" + h2, "DROP INDEX widget_name_idx");
        Cli.Result dropped = run("migrate", "diff", "--from", "folder:db", "--to", h2);

        assertThat(equal.exitCode()).as(equal.toString()).isZero();
        assertThat(dropped.exitCode()).as(dropped.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(dropped.out()).isEqualTo("- indexes.WIDGET_NAME_IDX\n");
    }

    @Test
    void aDatabaseAsItsAppliedMigrationsBuiltItHasNoDriftThoughAMigrationIsPending() throws IOException {
        Files.writeString(sql.resolve("V3__gadgets.sql"), "CREATE TABLE gadget (id INTEGER PRIMARY KEY);\n");

        Cli.Result result = run("--url", url, "migrate", "check", "--drift", "--location", sql.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).isEqualTo(url + ": no drift\n");
    }

    @Test
    void aChangeByHandIsDriftAsTextAndJson() throws SQLException, IOException {
        execute("jdbc:sqlite:" + plan, "DROP INDEX widget_name_idx");

        Cli.Result text = run("--url", url, "migrate", "check", "--drift", "--location", sql.toString());
        Cli.Result json = run("--url", url, "migrate", "check", "--drift", "--location", sql.toString(),
                "--format", "json");

        assertThat(text.exitCode()).as(text.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(text.out()).endsWith(":\n- indexes.widget_name_idx\n").contains("drift");
        assertThat(json.exitCode()).isEqualTo(ExitCodes.FAILURE);
        JsonNode drift = JSON.readTree(json.out());
        assertThat(drift.get("drift").asBoolean()).isTrue();
        assertThat(drift.get("changes").get(0).get("key").asText()).isEqualTo("widget_name_idx");
        assertThat(drift.get("changes").get(0).get("change").asText()).isEqualTo("removed");
    }

    @Test
    void anAppliedFileEditedSinceIsNamedInsteadOfReplayed() throws IOException {
        Files.writeString(sql.resolve("V1__widgets.sql"), "CREATE TABLE widget (id INTEGER PRIMARY KEY, size INT);\n");

        Cli.Result result = run("--url", url, "migrate", "check", "--drift", "--location", sql.toString());

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("V1__widgets.sql");
        assertThat(result.out()).doesNotContain("drift");
    }

    @Test
    void checkWithoutDriftIsAUsageError() {
        assertThat(run("--url", url, "migrate", "check").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
