package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar as a user runs it: {@code java -jar target/cairn.jar}, a process of its own, in a folder of
 * its own. Runs in {@code verify}, after {@code package} has made the jar.
 */
final class CairnJarIT {
    private static Path jar;

    @TempDir
    Path folder;

    @BeforeAll
    static void findTheJar() {
        jar = Path.of(System.getProperty("cairn.jar", "target/cairn.jar")).toAbsolutePath();
        assertThat(jar).as("the shaded jar; run mvn package first").exists();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run cairn(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(folder.resolve("out.txt").toFile())
                .redirectError(folder.resolve("err.txt").toFile());
        builder.environment().remove("CAIRN_URL");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("cairn " + String.join(" ", args) + " ended").isTrue();
        return new Run(process.exitValue(), Files.readString(folder.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(folder.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private String ok(String... args) throws IOException, InterruptedException {
        Run run = cairn(Map.of(), args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).as(run.toString()).isEmpty();
        return run.out();
    }

    @Test
    void printsItsVersion() throws Exception {
        assertThat(ok("--version")).startsWith("cairn ");
    }

    @Test
    void initAddLinkAndTreeInTheDefaultStore() throws Exception {
        assertThat(ok("init")).isEqualTo("Store ready: sqlite:cairn.db (sqlite, schema cairn 2)\n");
        assertThat(folder.resolve("cairn.db")).exists();
        ok("add", "goal", "Ship 1.0", "--id", "GOAL-SHIP");
        String task = ok("add", "task", "Write the parser", "--owner", "ana", "--quiet").strip();
        ok("link", "GOAL-SHIP", task);
        assertThat(ok("tree")).isEqualTo("GOAL-SHIP  Ship 1.0  [planned]   0%\n└─ " + task
                + "  Write the parser  [planned]   0%\n");
        Run missing = cairn(Map.of(), "show", "TSK-NOPE");
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).startsWith("cairn: No node with id").hasLineCount(1);
    }

    @Test
    void aListOfAFileThatIsNotThereSaysSoAndMakesNothing() throws Exception {
        Path watched = Files.createDirectory(folder.resolve("watched"));
        Run missing = cairn(Map.of(), "--url", "sqlite:watched/plans/plan.db", "list");
        assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(3);
        assertThat(missing.out()).isEmpty();
        assertThat(missing.err()).isEqualTo("cairn: no store at " + folder.toRealPath().resolve("watched/plans/plan.db")
                + " (run 'cairn init' to make one)\n");
        assertThat(watched).isEmptyDirectory();
        assertThat(folder.resolve("cairn.db")).doesNotExist();
    }

    @Test
    void aPlanExportedImportsIntoAnotherFileAsTheSameTree() throws Exception {
        ok("init");
        ok("add", "goal", "Ship 1.0", "--id", "GOAL-SHIP");
        ok("add", "task", "Write the parser", "--id", "TSK-PARSER", "--owner", "ana");
        ok("link", "GOAL-SHIP", "TSK-PARSER");
        String tree = ok("tree");
        assertThat(ok("export", "plan.yaml")).isEqualTo("Exported 2 nodes, 1 links, 0 labels, 3 events to plan.yaml\n");
        assertThat(ok("--url", "sqlite:second.db", "import", "plan.yaml"))
                .startsWith("Imported plan.yaml: created 2, updated 0, skipped 0 nodes; added 1 links");
        assertThat(ok("--url", "sqlite:second.db", "tree")).isEqualTo(tree);
        Run again = cairn(Map.of(), "--url", "sqlite:second.db", "import", "plan.yaml");
        assertThat(again.exitCode()).isEqualTo(4);
        assertThat(again.err().lines().toList()).hasSize(3).element(1).asString()
                .startsWith("plan.yaml:").contains("exists in the store already");
    }

    @Test
    void theDemoRunsOnAFreshFolderWithoutNoise() throws Exception {
        String out = ok("demo");
        assertThat(out).startsWith("Created the demo plan in sqlite:cairn-demo.db.")
                .contains("└─ R-IMPORT  Plans import from ToDoWrite  [planned]  47%")
                .contains("Total                     4            1          1        0          1      7");
        assertThat(folder.resolve("cairn-demo.db")).exists();
    }

    @Test
    void findsTheStoreInTheEnvironmentAndInCairnYaml() throws Exception {
        Files.writeString(folder.resolve("cairn.yaml"), "url: sqlite:from-yaml.db\n");
        ok("add", "goal", "From yaml");
        assertThat(folder.resolve("from-yaml.db")).exists();
        // A list makes no store (reading never creates): init makes it.
        assertThat(cairn(Map.of("CAIRN_URL", "sqlite:from-env.db"), "init").exitCode()).isZero();
        Run fromEnvironment = cairn(Map.of("CAIRN_URL", "sqlite:from-env.db"), "list", "--format", "json");
        assertThat(fromEnvironment.exitCode()).as(fromEnvironment.toString()).isZero();
        assertThat(fromEnvironment.out()).isEqualTo("[ ]\n");
        assertThat(folder.resolve("from-env.db")).exists();
    }

    @Test
    void everyStoreIsInTheJar() throws Exception {
        ok("--url", "h2:file:" + folder.resolve("h2plan"), "init");
        // A minute, not the default 5 s: a loaded machine may take longer to start a JVM and open the store.
        assertThat(ok("--url", "h2:file:" + folder.resolve("h2plan"), "health", "--timeout", "1m")).contains("yes")
                .contains("H2");
        Run postgres = cairn(Map.of(), "--url", "postgresql://nobody:secret@127.0.0.1:1/none?connectTimeout=1",
                "list");
        assertThat(postgres.exitCode()).isEqualTo(1);
        assertThat(postgres.err()).startsWith("cairn: ").contains("nobody:****@").doesNotContain("secret")
                .doesNotContain("SLF4J");
    }

    @Test
    void runsACommandAndListsItsRun() throws Exception {
        ok("init");
        ok("add", "ac", "The report is written", "--id", "AC-REPORT");
        ok("add", "command", "Write the report", "--id", "CMD-REPORT", "--parent", "AC-REPORT", "--ac-ref", "AC-REPORT",
                "--run", "mkdir -p out && echo \"$GREETING\" > out/report.txt && echo done", "--env", "GREETING=hello",
                "--artifact", "out/report.txt");
        String run = ok("run", "AC-REPORT");
        assertThat(run).startsWith("CMD-REPORT #1 started: mkdir -p out && ")
                .contains("CMD-REPORT #1 pass: exit 0 in ").endsWith("1 passed, 0 failed, 0 busy\n");
        assertThat(folder.resolve("out/report.txt")).hasContent("hello");
        assertThat(folder.resolve("results/CMD-REPORT/1.log")).hasContent("done");
        assertThat(ok("runs", "CMD-REPORT").lines().toList()).hasSize(2).last().asString()
                .matches(" +1  \\S+Z +\\d+(\\.\\d)? m?s +exit 0 +1/1  results/CMD-REPORT/1\\.log");
        assertThat(ok("runs", "CMD-REPORT", "--run", "1")).contains("  out/report.txt  yes").contains("Output:\n    done\n");
    }

    @Test
    void migratesAFolderOfSqliteFiles() throws Exception {
        Path plans = Files.createDirectories(folder.resolve("plans"));
        Files.createFile(plans.resolve("a.db"));
        Files.createFile(plans.resolve("b.db"));
        String out = ok("migrate", "up", "--folder", "plans");
        assertThat(out.lines()).hasSize(2).allMatch(line -> line.contains(": applied cairn 1 init, cairn 2"));
    }
}
