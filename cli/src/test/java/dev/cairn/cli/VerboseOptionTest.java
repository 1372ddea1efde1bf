package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.test.postgres.PostgresServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's log: nothing at the default level, INFO lines on standard error under -v. */
class VerboseOptionTest {
    private static final String SECRET = "s3cret-Pw";

    @TempDir
    Path folder;

    @Test
    void aCommandPrintsNoLogLineByDefault() {
        String url = "sqlite:" + folder.resolve("plan.db");
        Cli.Result init = new Cli(folder).run("--url", url, "init");
        Cli.Result add = new Cli(folder).run("--url", url, "add", "goal", "Ship", "--id", "GOAL-1");

        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.err()).as(init.toString()).isEmpty();
        assertThat(add.exitCode()).as(add.toString()).isZero();
        assertThat(add.err()).as(add.toString()).isEmpty();
    }

    @Test
    void verboseShowsTheStoreAndEachMigrationOnStandardErrorAndLeavesStandardOutputAlone() {
        String quietUrl = "sqlite:" + folder.resolve("quiet.db");
        String url = "sqlite:" + folder.resolve("plan.db");
        Cli.Result quiet = new Cli(folder).run("--url", quietUrl, "init");
        Cli.Result verbose = new Cli(folder).run("--url", url, "init", "-v");

        assertThat(verbose.exitCode()).as(verbose.toString()).isZero();
        assertThat(verbose.out()).isEqualTo(quiet.out().replace(quietUrl, url));
        assertThat(verbose.err().lines())
                .allSatisfy(line -> assertThat(line).startsWith("INFO "))
                .anySatisfy(line -> assertThat(line).matches(
                        "INFO Applied migration cairn 1 \\(init\\) to jdbc:sqlite:.*plan\\.db in \\d+ ms"))
                .anySatisfy(line -> assertThat(line).startsWith("INFO Opened the sqlite store " + url + " in "))
                .anySatisfy(line -> assertThat(line).isEqualTo("INFO Closed the sqlite store " + url));
    }

    @Test
    void verboseIsAnOptionOfEveryCommandAndLastsOneCommand() {
        Cli cli = new Cli(folder);
        Cli.Result before = cli.run("--verbose", "--url", "memory:", "list");
        Cli.Result after = cli.run("--url", "memory:", "list");

        assertThat(before.err()).contains("INFO Opened the memory store memory:");
        assertThat(after.err()).isEmpty();
    }

    @Test
    void verboseLinesOfAPostgresStoreMaskItsPassword() {
        String plain = PostgresServer.cairnUrl(PostgresServer.unusedSchema("cli_verbose"));
        String url = plain.replace("postgresql://", "postgresql://postgres:" + SECRET + "@")
                .replace("?user=postgres&", "?");

        Cli.Result result = new Cli(folder).run("--url", url, "init", "-v");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).contains("INFO Applied migration cairn 1 (init)")
                .contains("INFO Opened the postgresql store postgresql://postgres:****@")
                .doesNotContain(SECRET);
        assertThat(result.out()).doesNotContain(SECRET);
    }
}
