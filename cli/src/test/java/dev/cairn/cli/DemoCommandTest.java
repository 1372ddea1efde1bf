package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn demo}: a sample plan made afresh, shown as a tree and a summary. */
final class DemoCommandTest {
    @TempDir
    Path folder;

    @Test
    void makesTheDemoFileAfreshInTheWorkingFolder() {
        Cli cli = new Cli(folder).variable("CAIRN_URL", "memory:never-used");
        Cli.Result first = cli.run("demo");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).startsWith("Created the demo plan in sqlite:").contains("cairn-demo.db.")
                .contains("GOAL-SHIP  Ship Cairn 1.0  [planned]  47%")
                .contains("Total                     4            1          1        0          1      7");
        assertThat(folder.resolve(DemoCommand.FILE)).exists();
        Cli.Result second = cli.run("demo");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.out()).startsWith("Recreated the demo plan in ").contains("was deleted");
    }

    @Test
    void writesToAStoreNamedByUrlAndRebuildsItsOwnPlanThere() throws IOException {
        String url = "memory:demo-" + System.nanoTime();
        assertThat(new Cli(folder).run("--url", url, "demo").out()).startsWith("Created the demo plan in " + url);
        Cli.Result again = new Cli(folder).run("--url", url, "demo", "--format", "json");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        JsonNode data = new ObjectMapper().readTree(again.out());
        assertThat(data.get("summary").get("total").asInt()).isEqualTo(7);
        assertThat(data.get("tree").get(0).get("id").asText()).isEqualTo("GOAL-SHIP");
        assertThat(Files.exists(folder.resolve(DemoCommand.FILE))).isFalse();
    }

    @Test
    void refusesAStoreHoldingAnotherPlan() {
        String url = "sqlite:" + folder.resolve("mine.db");
        assertThat(new Cli(folder).run("--url", url, "add", "goal", "Mine").exitCode()).isZero();
        Cli.Result result = new Cli(folder).run("--url", url, "demo");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.CONFLICT);
        assertThat(result.err()).startsWith("cairn: The store ").contains("holds a plan of its own");
        assertThat(new Cli(folder).run("--url", url, "list", "--format", "json").out()).contains("\"Mine\"");
    }
}
