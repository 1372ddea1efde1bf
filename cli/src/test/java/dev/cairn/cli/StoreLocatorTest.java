package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.StoreConfigurationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the store is: --url, else CAIRN_URL, else ./cairn.yaml, else sqlite:cairn.db. */
final class StoreLocatorTest {
    @TempDir
    Path folder;

    @Test
    void theOptionComesFirst() throws IOException {
        Files.writeString(folder.resolve("cairn.yaml"), "url: h2:mem:yaml\n");
        StoreLocator.Located located = StoreLocator.locate("memory:option", Map.of("CAIRN_URL", "memory:env"), folder);
        assertThat(located.config().url()).isEqualTo("memory:option");
        assertThat(located.source()).isEqualTo("--url");
    }

    @Test
    void thenTheEnvironment() throws IOException {
        Files.writeString(folder.resolve("cairn.yaml"), "url: h2:mem:yaml\n");
        StoreLocator.Located located = StoreLocator.locate(null, Map.of("CAIRN_URL", " memory:env "), folder);
        assertThat(located.config().url()).isEqualTo("memory:env");
        assertThat(located.source()).isEqualTo("CAIRN_URL");
    }

    @Test
    void thenTheConfigurationFileWithItsProperties() throws IOException {
        Files.writeString(folder.resolve("cairn.yaml"), "url: postgresql://db/plan\nschema: team_a\nuser: ana\n");
        StoreLocator.Located located = StoreLocator.locate(null, Map.of(), folder);
        assertThat(located.config().url()).isEqualTo("postgresql://db/plan");
        assertThat(located.config().property("schema")).contains("team_a");
        assertThat(located.source()).isEqualTo("cairn.yaml");
    }

    @Test
    void elseTheSqliteFileHere() {
        StoreLocator.Located located = StoreLocator.locate(" ", Map.of("CAIRN_URL", ""), folder);
        assertThat(located.config().url()).isEqualTo("sqlite:cairn.db");
        assertThat(located.source()).isEqualTo("default");
    }

    @Test
    void aConfigurationFileWithoutUrlIsAnError() throws IOException {
        Files.writeString(folder.resolve("cairn.yaml"), "schema: team_a\n");
        assertThatThrownBy(() -> StoreLocator.locate(null, Map.of(), folder))
                .isInstanceOf(StoreConfigurationException.class).hasMessageContaining("url is required");
    }

    @Test
    void theCommandLineReadsTheConfigurationFile() throws IOException {
        String url = "memory:yaml-" + System.nanoTime();
        Files.writeString(folder.resolve("cairn.yaml"), "url: '" + url + "'\n");
        Cli.Result result = new Cli(folder).run("init", "--format", "json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("\"url\" : \"" + url + "\"").contains("\"source\" : \"cairn.yaml\"");
    }

    @Test
    void initSavesTheUrlForLaterCommands() {
        String url = "memory:saved-" + System.nanoTime();
        Cli.Result init = new Cli(folder).run("--url", url, "init", "--save");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.out()).contains("Wrote ").contains("cairn.yaml");
        assertThat(new Cli(folder).run("add", "goal", "Saved").exitCode()).isZero();
        assertThat(new Cli(folder).run("--url", url, "list").out()).contains("Saved");
    }

    @Test
    void passwordsAreMaskedWhereAUrlIsPrinted() {
        Cli.Result result = new Cli(folder).run("--url", "nosuch://ana:s3cret@db/plan", "list");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("ana:****@db").doesNotContain("s3cret");
    }
}
