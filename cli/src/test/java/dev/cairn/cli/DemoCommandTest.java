package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void saysWhatTheLayersAreAndWhatACommandNodeIsForInThreeLines() {
        Cli.Result result = new Cli(folder).run("demo");
        List<String> lines = result.out().lines().toList();
        int first = lines.indexOf(lines.stream().filter(line -> line.startsWith("A plan has twelve layers")).findFirst()
                .orElseThrow());
        assertThat(lines.subList(first, first + 4)).satisfiesExactly(
                line -> assertThat(line).contains("Goal, Concept, Context, Constraints, Requirements"),
                line -> assertThat(line).contains("AcceptanceCriteria").contains("InterfaceContract")
                        .contains("Phase, Step, Task and SubTask"),
                line -> assertThat(line).startsWith("A Command node").contains("shell command")
                        .contains("AcceptanceCriteria"),
                line -> assertThat(line).isEmpty());
    }

    @Test
    void itsClosingHintsNameTheCommandAsTheRepositoryScriptRunsIt() {
        Cli.Result fromTheScript = new Cli(folder).variable(DemoCommand.COMMAND_VARIABLE, "./cairn").run("demo");
        assertThat(fromTheScript.out()).contains("Look around: ./cairn --url sqlite:")
                .contains("Run the Command: ./cairn --url sqlite:");
        Cli.Result installed = new Cli(folder).run("demo");
        assertThat(installed.out()).contains("Look around: cairn --url sqlite:").doesNotContain("./cairn");
        Cli.Result hostile = new Cli(folder).variable(DemoCommand.COMMAND_VARIABLE, "x; rm -rf /").run("demo");
        assertThat(hostile.out()).contains("Look around: cairn --url");
    }
}
