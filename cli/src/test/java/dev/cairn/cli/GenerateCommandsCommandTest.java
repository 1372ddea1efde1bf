package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn generate-commands} on a SQLite store: a Command stub for each AcceptanceCriteria without one. */
class GenerateCommandsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    String url;

    @BeforeEach
    void aRequirementWithTwoCriteriaOneCovered() {
        url = "sqlite:" + folder.resolve("plan.db");
        ok("init");
        ok("add", "Requirements", "Sign-in", "--id", "R-SIGN-IN");
        ok("add", "AcceptanceCriteria", "A user signs in", "--id", "AC-SIGNS-IN", "--parent", "R-SIGN-IN",
                "--owner", "ana");
        ok("add", "AcceptanceCriteria", "A locked user cannot", "--id", "AC-LOCKED-OUT", "--parent", "R-SIGN-IN");
        ok("add", "AcceptanceCriteria", "Covered already", "--id", "AC-COVERED", "--parent", "R-SIGN-IN");
        ok("add", "Command", "Check coverage", "--id", "CMD-CHECK", "--parent", "AC-COVERED", "--ac-ref",
                "AC-COVERED", "--run", "true");
    }

    Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url));
        all.addAll(List.of(args));
        return new Cli(folder).run(all.toArray(String[]::new));
    }

    String ok(String... args) {
        Cli.Result result = run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.out();
    }

    @Test
    void aDryRunNamesTheStubsAsToDoWriteWouldAndAddsNothing() {
        assertThat(ok("generate-commands", "--dry-run")).isEqualTo("Dry run, nothing written: would add 2 Command "
                + "stub(s): CMD-LOCKED-OUT, CMD-SIGNS-IN.\n");
        assertThat(run("show", "CMD-SIGNS-IN").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void eachCriteriaWithoutACommandGetsAStubUnderItWithItsAcRefAndAShellLineThatFails() throws IOException {
        Path tree = folder.resolve("tw");
        ok("export", "--tree", tree.toString());
        String before = Files.readString(tree.resolve("plans/requirements/R-SIGN-IN.yaml"));

        assertThat(ok("generate-commands", "--tree", tree.toString())).isEqualTo("Added 2 Command stub(s): "
                + "CMD-LOCKED-OUT, CMD-SIGNS-IN; written to " + tree + ".\n");
        JsonNode stub = JSON.readTree(ok("show", "CMD-SIGNS-IN", "--format", "json"));
        assertThat(stub.toString()).contains("\"AC-SIGNS-IN\"", "echo 'TODO: verify AC-SIGNS-IN' && exit 1", "ana");
        assertThat(ok("trace")).doesNotContain("AC-LOCKED-OUT without");

        String file = Files.readString(tree.resolve("commands/CMD-SIGNS-IN.yaml"));
        assertThat(file).contains("ac_ref: AC-SIGNS-IN", "echo 'TODO: verify AC-SIGNS-IN' && exit 1");
        assertThat(Files.readString(tree.resolve("plans/acceptance_criteria/AC-SIGNS-IN.yaml")))
                .contains("CMD-SIGNS-IN");
        assertThat(tree.resolve("commands/CMD-LOCKED-OUT.yaml")).exists();
        // Files of nodes the stubs did not touch stay as they were.
        assertThat(Files.readString(tree.resolve("plans/requirements/R-SIGN-IN.yaml"))).isEqualTo(before);

        assertThat(ok("generate-commands")).isEqualTo("Added 0 Command stub(s).\n");
        Cli.Result run = run("run", "CMD-SIGNS-IN");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
    }

    @Test
    void withACommandsFolderOnlyTheNewCommandFilesAreWritten() throws IOException {
        Path commands = Files.createDirectories(folder.resolve("commands"));
        ok("generate-commands", "--commands", commands.toString());
        try (var files = Files.list(commands)) {
            assertThat(files.map(path -> path.getFileName().toString()).sorted().toList())
                    .containsExactly("CMD-LOCKED-OUT.yaml", "CMD-SIGNS-IN.yaml");
        }
        Cli.Result missing = run("generate-commands", "--commands", folder.resolve("gone").toString());
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(missing.err()).startsWith("cairn: no file " + folder.resolve("gone"));
    }
}
