package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export}, {@code import}, {@code copy}, {@code doctor}, {@code trace} and {@code graph}, run in this JVM
 * against stores a subclass names. Each test starts from the demo plan in the first store (see
 * {@link CommandsTest}); a second store, empty, is there to import and copy into.
 */
abstract class IoCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    String url;
    String second;

    /** A new, empty store for one test, {@code name} telling it from the test's others. */
    abstract String newStoreUrl(Path folder, String name);

    @BeforeEach
    void buildThePlan() {
        url = newStoreUrl(folder, "first");
        second = newStoreUrl(folder, "second");
        ok(url, "demo");
    }

    Cli.Result run(String storeUrl, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", storeUrl));
        all.addAll(List.of(args));
        return new Cli(folder).run(all.toArray(String[]::new));
    }

    String ok(String storeUrl, String... args) {
        Cli.Result result = run(storeUrl, args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).as(result.toString()).isEmpty();
        return result.out();
    }

    /** Fails with {@code exitCode}, saying why in one {@code cairn: } line on stderr (a refused import adds its problems). */
    Cli.Result fails(int exitCode, String storeUrl, String... args) {
        Cli.Result result = run(storeUrl, args);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.err()).as(result.toString()).startsWith("cairn: ").endsWith("\n");
        assertThat(result.err().lines().filter(line -> line.startsWith("cairn: ")).count()).isEqualTo(1);
        return result;
    }

    JsonNode json(String storeUrl, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", "json"));
        try {
            return JSON.readTree(ok(storeUrl, all.toArray(String[]::new)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    String file(String name) {
        return folder.resolve(name).toString();
    }

    @Nested
    class ExportAndImport {
        @Test
        void aFileExportedImportsIntoAnotherStoreAsTheSameTree() {
            assertThat(ok(url, "export", file("plan.yaml")))
                    .isEqualTo("Exported 7 nodes, 6 links, 2 labels, 18 events to " + file("plan.yaml") + "\n");
            String imported = ok(second, "import", file("plan.yaml"));
            assertThat(imported).isEqualTo("Imported " + file("plan.yaml") + ": created 7, updated 0, skipped 0 "
                    + "nodes; added 6 links, recorded 18 events.\n");
            assertThat(ok(second, "tree")).isEqualTo(ok(url, "tree"));
            assertThat(ok(second, "history", "TSK-PARSER")).isEqualTo(ok(url, "history", "TSK-PARSER"));
        }

        @Test
        void jsonGoesBothWaysAndTheReportHasItsShape() {
            JsonNode exported = json(url, "export", file("plan.json"));
            assertThat(exported.get("format").asText()).isEqualTo("json");
            assertThat(exported.get("nodes").asLong()).isEqualTo(7);
            JsonNode report = json(second, "import", file("plan.json"));
            assertThat(report.get("dryRun").asBoolean()).isFalse();
            assertThat(report.get("mode").asText()).isEqualTo("fail");
            assertThat(report.get("created").asLong()).isEqualTo(7);
            assertThat(report.get("createdIds")).hasSize(7);
            assertThat(report.get("problems")).isEmpty();
            assertThat(report.get("problemCount").asLong()).isZero();
        }

        @Test
        void exportToStdoutWritesThePlanInTheFormatAsked() throws IOException {
            JsonNode plan = JSON.readTree(ok(url, "export", "-", "--format", "json"));
            assertThat(plan.get("format").asText()).isEqualTo("cairn-plan");
            assertThat(plan.get("nodes")).hasSize(7);
            assertThat(ok(url, "export", "-")).startsWith("format: cairn-plan\n");
        }

        @Test
        void aTreeDryRunListsWhatWouldBeCreatedAndWritesNothing() {
            assertThat(ok(url, "export", "--tree", file("tw"))).isEqualTo("Exported 7 nodes, 6 links to "
                    + file("tw") + " (ToDoWrite tree)\n");
            assertThat(folder.resolve("tw/plans/tasks/TSK-WRITER.yaml")).exists();
            ok(second, "init"); // a dry run makes no store
            String dryRun = ok(second, "import", "--tree", file("tw"), "--dry-run");
            assertThat(dryRun).startsWith("Dry run of " + file("tw") + ", nothing written: would create 7, update 0, "
                    + "skip 0 nodes; add 6 links").contains("  create: GOAL-SHIP, ").contains("CMD-FIXTURES");
            assertThat(ok(second, "list", "--format", "json")).isEqualTo("[ ]\n");
            ok(second, "import", "--tree", file("tw"));
            assertThat(ok(second, "tree")).isEqualTo(ok(url, "tree"));
        }

        @Test
        void thePlansAndCommandsFoldersOfAPlanKeptApartImportInOneGo() throws IOException {
            ok(url, "export", "--tree", file("tw"));
            Files.createDirectories(folder.resolve("app/todos"));
            Files.move(folder.resolve("tw/plans"), folder.resolve("app/todos/plans"));
            Files.move(folder.resolve("tw/commands"), folder.resolve("commands"));
            String out = ok(second, "import", "--plans", file("app/todos/plans"), "--commands", file("commands"));
            assertThat(out).startsWith("Imported plans " + file("app/todos/plans") + ", commands " + file("commands")
                    + ": created 7, updated 0, skipped 0 nodes; added 6 links");
            assertThat(ok(second, "tree")).isEqualTo(ok(url, "tree"));
            fails(ExitCodes.USAGE, second, "import", "--tree", file("tw"), "--plans", file("app/todos/plans"));
        }

        @Test
        void aLinkToANodeNoFileDefinesIsRefusedSayingThatLenientTakesItAndLenientKeepsItForTheExport()
                throws IOException {
            ok(url, "export", "--tree", file("tw"));
            Path task = folder.resolve("tw/plans/tasks/TSK-WRITER.yaml");
            Files.writeString(task, Files.readString(task).replace("  children: []", "  children:\n  - SUB-GONE"));
            Cli.Result refused = fails(ExitCodes.CONFLICT, second, "import", "--tree", file("tw"));
            assertThat(refused.err()).contains("plans/tasks/TSK-WRITER.yaml:", "SUB-GONE",
                    "names no node in the import or the store (a lenient import, --lenient, keeps the link with the "
                            + "node)");

            String out = ok(second, "import", "--tree", file("tw"), "--lenient");
            assertThat(out).contains("created 7").contains("warning: plans/tasks/TSK-WRITER.yaml:")
                    .contains("'SUB-GONE': names no node in the import or the store: imported without this link");
            ok(second, "export", "--tree", file("back"));
            assertThat(Files.readString(folder.resolve("back/plans/tasks/TSK-WRITER.yaml")))
                    .contains("  - SUB-GONE").doesNotContain("todowrite.");
            fails(ExitCodes.USAGE, second, "import", file("plan.yaml"), "--lenient");
        }

        @Test
        void anExportOverAnOlderTreeRemovesTheFilesOfDeletedNodesOrKeepsThemWhenAsked() {
            ok(url, "export", "--tree", file("tw"));
            ok(url, "delete", "TSK-WRITER", "--detach", "--yes");
            assertThat(ok(url, "export", "--tree", file("tw"), "--keep-stale")).contains("Kept 1 file(s) of nodes "
                    + "the store no longer holds (--keep-stale): plans/tasks/TSK-WRITER.yaml");
            assertThat(folder.resolve("tw/plans/tasks/TSK-WRITER.yaml")).exists();
            assertThat(ok(url, "export", "--tree", file("tw"))).contains("Removed 1 file(s) of nodes the store no "
                    + "longer holds: plans/tasks/TSK-WRITER.yaml");
            assertThat(folder.resolve("tw/plans/tasks/TSK-WRITER.yaml")).doesNotExist();
        }

        @Test
        void aTreeWithABadFileIsRefusedWithTheFileAndLineAndNothingIsWritten() throws IOException {
            ok(url, "export", "--tree", file("tw"));
            Path task = folder.resolve("tw/plans/tasks/TSK-WRITER.yaml");
            Files.writeString(task, Files.readString(task).replace("  owner: ben\n", "  owner: ben\n  severity: urgent\n"));
            Cli.Result refused = fails(ExitCodes.CONFLICT, second, "import", "--tree", file("tw"));
            assertThat(refused.err()).startsWith("cairn: Import refused, nothing written: 2 problems");
            // The file refused, then R-IMPORT's link to the node it would have made.
            assertThat(refused.err().lines().skip(1).toList()).hasSize(2).first().asString()
                    .matches("plans/tasks/TSK-WRITER\\.yaml:7: metadata\\.severity = 'urgent': must be one of .*");
            assertThat(refused.out()).isEmpty();
            assertThat(ok(second, "list", "--format", "json")).isEqualTo("[ ]\n");
        }

        @Test
        void aDryRunWithProblemsReportsThemAndExits4() throws IOException {
            ok(url, "export", "--tree", file("tw"));
            Cli.Result refused = fails(ExitCodes.CONFLICT, url, "import", "--tree", file("tw"), "--dry-run");
            assertThat(refused.out()).startsWith("Dry run of ");
            assertThat(refused.err()).contains("exists in the store already");
        }

        @Test
        void nodesTheStoreHoldsAreRefusedWithoutAMode() {
            ok(url, "export", file("plan.yaml"));
            Cli.Result refused = fails(ExitCodes.CONFLICT, url, "import", file("plan.yaml"));
            assertThat(refused.err().lines().skip(1).toList()).hasSize(7)
                    .allMatch(line -> line.matches(".*plan\\.yaml:\\d+: nodes\\[\\d\\]\\.id = '[A-Z-]+': exists in "
                            + "the store already.*"));
            JsonNode skipped = json(url, "import", file("plan.yaml"), "--mode", "skip");
            assertThat(skipped.get("skipped").asLong()).isEqualTo(7);
            assertThat(skipped.get("created").asLong()).isZero();
        }

        @Test
        void aFileOfAnotherExtensionIsAUsageError() {
            fails(ExitCodes.USAGE, url, "export", file("plan.txt"));
            fails(ExitCodes.USAGE, url, "import");
        }
    }

    @Nested
    class Copy {
        @Test
        void copiesThePlanAndVerifiesIt() {
            String out = ok(url, "copy", "--to", second);
            assertThat(out).contains("nodes        7        0        0")
                    .contains("Verified, no difference: 7 nodes, 6 links, 2 labels, 18 events");
            assertThat(ok(second, "tree")).isEqualTo(ok(url, "tree"));
        }

        @Test
        void theReportHasItsShape() {
            JsonNode report = json("memory:unused", "copy", "--from", url, "--to", second, "--no-verify");
            assertThat(report.get("nodesCopied").asLong()).isEqualTo(7);
            assertThat(report.get("linksCopied").asLong()).isEqualTo(6);
            assertThat(report.get("mode").asText()).isEqualTo("fail");
            assertThat(report.get("verification").isNull()).isTrue();
        }

        @Test
        void ontoTheSameStoreIsRefused() {
            Cli.Result refused = fails(ExitCodes.USAGE, url, "copy", "--to", url);
            assertThat(refused.err()).contains("onto itself");
        }

        @Test
        void intoAStoreHoldingItsNodesIsAConflictUnlessAModeSays() {
            ok(url, "copy", "--to", second);
            Cli.Result refused = fails(ExitCodes.CONFLICT, url, "copy", "--to", second);
            assertThat(refused.err()).contains("--mode skip").doesNotContain("--id");
            JsonNode skipped = json(url, "copy", "--to", second, "--mode", "skip");
            assertThat(skipped.get("nodesSkipped").asLong()).isEqualTo(7);
            assertThat(skipped.get("verification").get("ok").asBoolean()).isTrue();
        }

        @Test
        void aPasswordIsMaskedInEveryMessage() {
            Cli.Result failed = run(url, "copy", "--to", "postgresql://nobody:secret@127.0.0.1:1/none?connectTimeout=1");
            assertThat(failed.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(failed.err()).startsWith("cairn: ").contains("nobody:****@").doesNotContain("secret");
        }

        @Test
        void drawsProgressAtATerminalOnly() {
            Cli.Result atTerminal = new Cli(folder).interactive("").run("--url", url, "copy", "--to", second);
            assertThat(atTerminal.exitCode()).as(atTerminal.toString()).isZero();
            assertThat(atTerminal.err()).contains("\r").contains("nodes copied");
        }
    }

    @Nested
    class Doctor {
        @Test
        void aHealthyPlanExits0() {
            assertThat(ok(url, "doctor")).isEqualTo("No problems found.\n");
            JsonNode report = json(url, "doctor");
            assertThat(report.get("healthy").asBoolean()).isTrue();
            assertThat(report.get("findings")).isEmpty();
        }

        @Test
        void anOrphanIsFoundAndExits1() {
            ok(url, "add", "task", "Alone", "--id", "TSK-ALONE");
            Cli.Result found = fails(ExitCodes.FAILURE, url, "doctor");
            assertThat(found.out()).contains("orphan").contains("TSK-ALONE");
            assertThat(found.err()).isEqualTo("cairn: 1 problem found that need a person's decision.\n");
            Cli.Result json = run(url, "doctor", "--format", "json");
            assertThat(json.out()).contains("\"kind\" : \"orphan\"").contains("\"repairable\" : false");
        }
    }

    @Nested
    class Trace {
        @Test
        void reportsCoverageAndWritesToDoWritesFiles() throws IOException {
            String out = ok(url, "trace", "--csv", file("t/trace.csv"), "--graph-json", file("t/graph.json"));
            assertThat(out).startsWith("Requirements covered by AcceptanceCriteria: 1 of 1 (100.0%)\n")
                    .contains("Wrote " + file("t/trace.csv"));
            assertThat(Files.readString(folder.resolve("t/trace.csv"), StandardCharsets.UTF_8))
                    .startsWith("from_id,from_layer,from_title,to_id,to_layer,to_title,relationship,valid\r\n");
            assertThat(JSON.readTree(folder.resolve("t/graph.json").toFile()).get("statistics").get("total_nodes")
                    .asInt()).isEqualTo(7);
            JsonNode report = json(url, "trace");
            assertThat(report.get("complete").asBoolean()).isTrue();
            assertThat(report.get("criteria").get(0).get("commands").get(0).asText()).isEqualTo("CMD-FIXTURES");
        }

        @Test
        void writesTheTraceCsvInTheLayoutOfToDoWrite02WhenAsked() throws IOException {
            ok(url, "trace", "--csv", file("t/trace.csv"), "--trace-format", "0.2");
            List<String> rows = Files.readString(folder.resolve("t/trace.csv"), StandardCharsets.UTF_8).lines()
                    .toList();
            assertThat(rows.get(0)).isEqualTo("source_id,source_layer,source_title,target_id,target_layer,"
                    + "target_title,relationship,depth");
            // Six links, each written from both ends.
            assertThat(rows).hasSize(1 + 12).contains("AC-FIXTURES,AcceptanceCriteria,"
                    + rows.stream().filter(row -> row.startsWith("AC-FIXTURES,")).findFirst().orElseThrow()
                    .split(",")[2] + ",CMD-FIXTURES,Command,Import the fixtures,parent_of,1");
            fails(ExitCodes.USAGE, url, "trace", "--csv", file("t/x.csv"), "--trace-format", "0.3");
        }

        @Test
        void gapsAreInformationUnlessStrict() {
            ok(url, "add", "requirements", "Export", "--id", "R-EXPORT", "--parent", "GOAL-SHIP");
            assertThat(ok(url, "trace")).contains("Requirements without AcceptanceCriteria: R-EXPORT");
            Cli.Result strict = fails(ExitCodes.FAILURE, url, "trace", "--strict");
            assertThat(strict.err()).contains("1 Requirements without AcceptanceCriteria");
        }

        @Test
        void aCommandVerifyingAnotherCriteriaThanTheOneItHangsBelowIsReportedAsDoctorFindsIt() {
            ok(url, "add", "AcceptanceCriteria", "Exports too", "--id", "AC-EXPORTS", "--parent", "R-IMPORT");
            assertThat(ok(url, "trace")).doesNotContain("does not hang below");
            ok(url, "update", "CMD-FIXTURES", "--ac-ref", "AC-EXPORTS");

            assertThat(ok(url, "trace")).contains("Command verifying an AcceptanceCriteria it does not hang below: "
                    + "Command CMD-FIXTURES verifies AC-EXPORTS but hangs below AC-FIXTURES.");
            JsonNode misplaced = json(url, "trace").get("misplacedCommands");
            assertThat(misplaced).hasSize(1);
            assertThat(misplaced.get(0).get("commandId").asText()).isEqualTo("CMD-FIXTURES");
            Cli.Result strict = fails(ExitCodes.FAILURE, url, "trace", "--strict");
            assertThat(strict.err()).contains("1 Commands verifying an AcceptanceCriteria they do not hang below");
        }
    }

    @Nested
    class Graph {
        @Test
        void drawsTheForestAsMermaidAndASubtreeAsDot() {
            assertThat(ok(url, "graph")).startsWith("flowchart TD\n").contains("GOAL_SHIP --> R_IMPORT");
            String dot = ok(url, "graph", "R-IMPORT", "--dot");
            assertThat(dot).startsWith("digraph plan {\n").contains("\"R-IMPORT\" -> \"AC-FIXTURES\";")
                    .doesNotContain("GOAL-SHIP");
        }

        @Test
        void writesAFileWhenAsked() throws IOException {
            assertThat(ok(url, "graph", "-o", file("g/plan.mmd"))).isEqualTo("Wrote " + file("g/plan.mmd") + "\n");
            assertThat(Files.readString(folder.resolve("g/plan.mmd"))).isEqualTo(ok(url, "graph"));
        }

        @Test
        void aMissingIdIsNotFound() {
            fails(ExitCodes.NOT_FOUND, url, "graph", "TSK-NOPE");
        }
    }
}
