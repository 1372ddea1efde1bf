package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every node command, its normal case and its errors, run in this JVM against a store a subclass names. Each
 * test starts from the demo plan: GOAL-SHIP → R-IMPORT → AC-FIXTURES → CMD-FIXTURES, and TSK-PARSER
 * (completed), TSK-WRITER (in progress, 40%), TSK-XML (cancelled) under R-IMPORT.
 */
abstract class CommandsTest extends StoreCliTest {
    @BeforeEach
    void buildThePlan() {
        ok("demo");
    }

    @Nested
    class Init {
        @Test
        void opensTheStoreAndSaysWhere() {
            assertThat(ok("init")).startsWith("Store ready: ").contains(url.replaceFirst("\\?.*", ""));
        }

        @Test
        void refusesToOverwriteAConfigFile() throws IOException {
            Files.writeString(folder.resolve("cairn.yaml"), "url: memory:\n");
            fails(ExitCodes.CONFLICT, "init", "--save");
        }
    }

    @Nested
    class Add {
        @Test
        void createsANodeWithEveryField() {
            JsonNode node = json("add", "task", "Write", "the", "docs", "--id", "TSK-DOCS", "--parent", "R-IMPORT",
                    "--description", "All of them", "--owner", "ana", "--assignee", "ben", "--severity", "med",
                    "--work-type", "docs", "--label", "docs,writing", "--progress", "10", "--field", "points=3",
                    "--field", "note=hello", "--field", "tags=[\"a\",\"b\"]");
            assertThat(node.get("id").asText()).isEqualTo("TSK-DOCS");
            assertThat(node.get("title").asText()).isEqualTo("Write the docs");
            assertThat(node.get("layer").asText()).isEqualTo("Task");
            assertThat(node.get("severity").asText()).isEqualTo("medium");
            assertThat(node.get("workType").asText()).isEqualTo("docs");
            assertThat(node.get("progress").asInt()).isEqualTo(10);
            assertThat(node.get("labels").toString()).isEqualTo("[\"docs\",\"writing\"]");
            assertThat(node.get("customFields")).isEqualTo(JSON.createObjectNode().put("note", "hello").put("points", 3)
                    .set("tags", JSON.createArrayNode().add("a").add("b")));
            assertThat(json("show", "TSK-DOCS").get("parents").toString()).isEqualTo("[\"R-IMPORT\"]");
        }

        @Test
        void quietPrintsTheGeneratedIdOnly() {
            String id = ok("add", "phase", "Beta", "--quiet").strip();
            assertThat(id).matches("PH-[0-9A-F]{12}");
        }

        @Test
        void createsACommandNodeWithItsSpec() {
            JsonNode node = json("add", "command", "Run the tests", "--parent", "AC-FIXTURES", "--ac-ref",
                    "AC-FIXTURES", "--run", "mvn verify", "--workdir", "core", "--env", "CI=true", "--artifact",
                    "target/report.xml");
            assertThat(node.get("command").get("acRef").asText()).isEqualTo("AC-FIXTURES");
            assertThat(node.get("command").get("run").get("shell").asText()).isEqualTo("mvn verify");
            assertThat(node.get("command").get("run").get("env").get("CI").asText()).isEqualTo("true");
            assertThat(node.get("command").get("artifacts").get(0).asText()).isEqualTo("target/report.xml");
        }

        @Test
        void anExistingIdIsAConflict() {
            assertThat(fails(ExitCodes.CONFLICT, "add", "goal", "Again", "--id", "GOAL-SHIP").err())
                    .contains("GOAL-SHIP exists already").contains("--id");
        }

        @Test
        void anIdOfAnotherLayerIsInvalid() {
            assertThat(fails(ExitCodes.CONFLICT, "add", "task", "Wrong", "--id", "GOAL-X").err()).contains("TSK-");
        }

        @Test
        void aParentOfALaterLayerIsRefused() {
            fails(ExitCodes.CONFLICT, "add", "goal", "Upside down", "--parent", "TSK-PARSER");
        }

        @Test
        void aMissingParentIsNotFound() {
            fails(ExitCodes.NOT_FOUND, "add", "task", "Orphan", "--parent", "R-NOPE");
        }

        @Test
        void anUnknownLayerIsAUsageError() {
            assertThat(fails(ExitCodes.USAGE, "add", "epic", "Big").err()).contains("epic").contains("Goal");
        }

        @Test
        void aCommandSpecNeedsItsReferenceAndItsShell() {
            fails(ExitCodes.CONFLICT, "add", "command", "Half", "--run", "true");
        }
    }

    @Nested
    class Show {
        @Test
        void showsEveryFieldWithParentsChildrenAndRolledUpProgress() {
            String out = ok("show", "R-IMPORT");
            assertThat(out).startsWith("R-IMPORT  Plans import from ToDoWrite\n")
                    .contains("layer     Requirements").contains("rolled up 47%")
                    .contains("parents   GOAL-SHIP")
                    .contains("children  AC-FIXTURES, TSK-PARSER, TSK-WRITER, TSK-XML");
            JsonNode node = json("show", "TSK-WRITER");
            assertThat(node.get("status").asText()).isEqualTo("in_progress");
            assertThat(node.get("rolledUpProgress").asDouble()).isEqualTo(40.0);
            assertThat(node.get("startedAt").isTextual()).isTrue();
        }

        @Test
        void aMissingNodeIsNotFound() {
            assertThat(fails(ExitCodes.NOT_FOUND, "show", "TSK-NOPE").err()).contains("TSK-NOPE").contains("cairn list");
        }

        @Test
        void aMissingIdIsAUsageError() {
            assertThat(fails(ExitCodes.USAGE, "show").err()).contains("ID").contains("cairn show --help");
        }
    }

    @Nested
    class ListAndSearch {
        @Test
        void listsEveryNodeInAnAlignedTable() {
            List<String> lines = ok("list").lines().toList();
            assertThat(lines).hasSize(8);
            assertThat(lines.get(0)).isEqualTo("ID            LAYER               STATUS       PROGRESS  OWNER  TITLE");
            assertThat(lines).contains("TSK-WRITER    Task                in_progress       40%  ben    Write the YAML writer");
        }

        @Test
        void filtersByEveryField() {
            assertThat(ids("list", "--layer", "task", "--status", "completed,in_progress")).containsExactly("TSK-PARSER",
                    "TSK-WRITER");
            assertThat(ids("list", "--owner", "ben")).containsExactly("TSK-WRITER");
            assertThat(ids("list", "--label", "parser,writer")).containsExactly("TSK-PARSER", "TSK-WRITER");
            assertThat(ids("list", "--all-labels", "parser,writer")).isEmpty();
            assertThat(ids("list", "--child-of", "R-IMPORT", "--sort", "title", "--desc", "--limit", "2"))
                    .containsExactly("TSK-WRITER", "TSK-PARSER");
            assertThat(ids("list", "--parent-of", "CMD-FIXTURES")).containsExactly("AC-FIXTURES");
            assertThat(ids("list", "--roots")).containsExactly("GOAL-SHIP");
            assertThat(ids("list", "--text", "yaml", "--offset", "1")).containsExactly("TSK-WRITER");
            ok("update", "TSK-XML", "--severity", "high", "--work-type", "implementation", "--assignee", "cy");
            assertThat(ids("list", "--severity", "high", "--work-type", "development", "--assignee", "cy"))
                    .containsExactly("TSK-XML");
        }

        @Test
        void searchFindsTitlesIgnoringCase() {
            assertThat(ids("search", "YAML", "writer")).containsExactly("TSK-WRITER");
            assertThat(ok("search", "nothing like it")).isEqualTo("No nodes.\n");
        }

        @Test
        void anUnknownSortIsAUsageError() {
            assertThat(fails(ExitCodes.USAGE, "list", "--sort", "colour").err()).contains("created_at");
        }

        @Test
        void aNegativeOffsetIsAMalformedValue() {
            fails(ExitCodes.USAGE, "list", "--offset", "-1");
        }

        @Test
        void searchNeedsAText() {
            fails(ExitCodes.USAGE, "search");
        }
    }

    @Nested
    class Tree {
        @Test
        void showsEveryRootWithStatusAndRolledUpProgress() {
            assertThat(ok("tree")).isEqualTo("""
                    GOAL-SHIP  Ship Cairn 1.0  [planned]  47%
                    └─ R-IMPORT  Plans import from ToDoWrite  [planned]  47%
                       ├─ AC-FIXTURES  The 71 fixture files import  [planned]   0%
                       │  └─ CMD-FIXTURES  Import the fixtures  [planned]   0%
                       ├─ TSK-PARSER  Write the YAML parser  [completed] 100%
                       ├─ TSK-WRITER  Write the YAML writer  [in_progress]  40%
                       └─ TSK-XML  Support XML  [cancelled]   0%
                    """);
        }

        @Test
        void startsFromANodeAndStopsAtADepth() {
            assertThat(ok("tree", "R-IMPORT", "--depth", "0")).isEqualTo("R-IMPORT  Plans import from ToDoWrite  [planned]  47%\n");
            JsonNode tree = json("tree", "R-IMPORT", "--depth", "1");
            assertThat(tree.get(0).get("rolledUpProgress").asDouble()).isEqualTo(46.7);
            assertThat(tree.get(0).get("children")).hasSize(4);
            assertThat(tree.get(0).get("children").get(0).get("children")).isEmpty();
        }

        @Test
        void aMissingStartIsNotFound() {
            fails(ExitCodes.NOT_FOUND, "tree", "GOAL-NOPE");
        }
    }

    @Nested
    class Update {
        @Test
        void changesTheFieldsNamedOnly() {
            JsonNode node = json("update", "TSK-WRITER", "--title", "Write the writer", "--assignee", "cy",
                    "--label", "io", "--field", "points=5");
            assertThat(node.get("title").asText()).isEqualTo("Write the writer");
            assertThat(node.get("owner").asText()).isEqualTo("ben");
            assertThat(node.get("labels").toString()).isEqualTo("[\"io\"]");
            assertThat(node.get("customFields").get("points").asInt()).isEqualTo(5);
        }

        @Test
        void clearsWithAnEmptyTextOrClear() {
            ok("update", "TSK-WRITER", "--severity", "low", "--field", "points=5");
            JsonNode node = json("update", "TSK-WRITER", "--owner", "", "--clear", "severity,labels", "--field",
                    "points=");
            assertThat(node.get("owner").isNull()).isTrue();
            assertThat(node.get("severity").isNull()).isTrue();
            assertThat(node.get("labels")).isEmpty();
            assertThat(node.get("customFields")).isEmpty();
        }

        @Test
        void anOutdatedVersionIsAConflict() {
            assertThat(fails(ExitCodes.CONFLICT, "update", "TSK-WRITER", "--owner", "cy", "--expect-version", "1")
                    .err()).contains("cairn show ID");
        }

        @Test
        void nothingToChangeIsAUsageError() {
            fails(ExitCodes.USAGE, "update", "TSK-WRITER");
        }

        @Test
        void aProgressOutOfRangeIsAMalformedValue() {
            fails(ExitCodes.USAGE, "update", "TSK-WRITER", "--progress", "150");
        }
    }

    @Nested
    class StatusAndProgress {
        @Test
        void movesAlongTheTransitionsAndReopens() {
            assertThat(ok("status", "TSK-WRITER", "completed")).isEqualTo("TSK-WRITER is completed (100%)\n");
            assertThat(ok("status", "TSK-WRITER", "--reopen")).startsWith("TSK-WRITER is in_progress");
        }

        @Test
        void aForbiddenTransitionIsAConflict() {
            assertThat(fails(ExitCodes.CONFLICT, "status", "TSK-PARSER", "planned").err()).contains("--reopen");
        }

        @Test
        void statusAndReopenTogetherAreAUsageError() {
            fails(ExitCodes.USAGE, "status", "TSK-PARSER", "planned", "--reopen");
        }

        @Test
        void setsAndShowsProgress() {
            assertThat(ok("progress", "TSK-WRITER", "70")).isEqualTo("TSK-WRITER  70% own, 70% rolled up\n");
            JsonNode progress = json("progress", "R-IMPORT");
            assertThat(progress.get("rolledUpProgress").asDouble()).isEqualTo(56.7);
        }

        @Test
        void progressOfAMissingNodeIsNotFound() {
            fails(ExitCodes.NOT_FOUND, "progress", "TSK-NOPE", "10");
        }
    }

    @Nested
    class Links {
        @Test
        void linksAndUnlinks() {
            assertThat(ok("link", "GOAL-SHIP", "TSK-XML")).isEqualTo("Linked GOAL-SHIP -> TSK-XML\n");
            assertThat(ids("list", "--parent-of", "TSK-XML")).containsExactly("GOAL-SHIP", "R-IMPORT");
            assertThat(json("unlink", "GOAL-SHIP", "TSK-XML").get("childId").asText()).isEqualTo("TSK-XML");
            assertThat(ids("list", "--parent-of", "TSK-XML")).containsExactly("R-IMPORT");
        }

        @Test
        void aLinkUpwardsIsAConflict() {
            assertThat(fails(ExitCodes.CONFLICT, "link", "TSK-XML", "GOAL-SHIP").err()).contains("Task");
        }

        @Test
        void unlinkingWhatIsNotLinkedIsNotFound() {
            fails(ExitCodes.NOT_FOUND, "unlink", "GOAL-SHIP", "TSK-XML");
        }

        @Test
        void linkingAMissingNodeIsNotFound() {
            fails(ExitCodes.NOT_FOUND, "link", "GOAL-SHIP", "TSK-NOPE");
        }
    }

    @Nested
    class Labels {
        @Test
        void addsRemovesAndLists() {
            assertThat(ok("label", "add", "TSK-XML", "xml", "dropped", "--description", "Not now"))
                    .isEqualTo("TSK-XML labels: dropped, xml\n");
            assertThat(ok("label", "remove", "TSK-XML", "xml")).isEqualTo("TSK-XML labels: dropped\n");
            assertThat(ok("label", "list")).isEqualTo("""
                    LABEL    NODES  DESCRIPTION
                    dropped      1  Not now
                    parser       1
                    writer       1
                    xml          0  Not now
                    """);
            assertThat(json("label", "list", "TSK-PARSER").get(0).get("name").asText()).isEqualTo("parser");
        }

        @Test
        void labellingAMissingNodeIsNotFound() {
            fails(ExitCodes.NOT_FOUND, "label", "add", "TSK-NOPE", "x");
        }

        @Test
        void labelAloneIsAUsageError() {
            assertThat(fails(ExitCodes.USAGE, "label").err()).contains("label add");
        }
    }

    @Nested
    class Delete {
        @Test
        void deletesALeafWithoutAskingWhenNoOneIsAtATerminal() {
            assertThat(ok("delete", "TSK-XML")).isEqualTo("Deleted TSK-XML\n");
            fails(ExitCodes.NOT_FOUND, "show", "TSK-XML");
        }

        @Test
        void aNodeWithChildrenNeedsCascadeOrDetach() {
            assertThat(fails(ExitCodes.CONFLICT, "delete", "R-IMPORT").err()).contains("--cascade").contains("--detach");
            assertThat(json("delete", "AC-FIXTURES", "--cascade").get("deleted").toString())
                    .isEqualTo("[\"AC-FIXTURES\",\"CMD-FIXTURES\"]");
            ok("delete", "R-IMPORT", "--detach");
            assertThat(ids("list", "--roots")).containsExactly("GOAL-SHIP", "TSK-PARSER", "TSK-WRITER", "TSK-XML");
        }

        @Test
        void cascadeAndDetachTogetherAreAUsageError() {
            fails(ExitCodes.USAGE, "delete", "R-IMPORT", "--cascade", "--detach");
        }

        @Test
        void asksFirstAtATerminal() {
            List<String> args = List.of("--url", url, "delete", "TSK-XML");
            Cli.Result declined = new Cli(folder).interactive("n\n").run(args.toArray(String[]::new));
            assertThat(declined.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(declined.err()).startsWith("Delete TSK-XML \"Support XML\"? [y/N] ").contains("nothing deleted");
            ok("show", "TSK-XML");
            Cli.Result confirmed = new Cli(folder).interactive("yes\n").run(args.toArray(String[]::new));
            assertThat(confirmed.exitCode()).as(confirmed.toString()).isZero();
            fails(ExitCodes.NOT_FOUND, "show", "TSK-XML");
        }

        @Test
        void yesDoesNotAsk() {
            Cli.Result result = new Cli(folder).interactive("").run("--url", url, "delete", "TSK-XML", "--yes");
            assertThat(result.exitCode()).isZero();
            assertThat(result.err()).isEmpty();
        }
    }

    @Nested
    class SummaryHistoryHealth {
        @Test
        void summaryCountsByLayerAndStatus() {
            assertThat(ok("summary")).contains("Task                      0            1          1        0          1      3")
                    .endsWith("Total                     4            1          1        0          1      7\n");
            JsonNode summary = json("summary");
            assertThat(summary.get("total").asInt()).isEqualTo(7);
            assertThat(summary.get("byStatus").get("cancelled").asInt()).isEqualTo(1);
            assertThat(summary.get("byLayer").get(3).get("layer").asText()).isEqualTo("Task");
        }

        @Test
        void summaryOfAStoreThatCannotOpenFails() {
            Cli.Result result = new Cli(folder).run("--url", "nosuch:thing", "summary");
            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.err()).contains("nosuch").contains("--url");
        }

        @Test
        void historyShowsEveryChangeOfANodeNewestFirst() {
            String out = ok("history", "TSK-PARSER");
            assertThat(out.lines().toList()).hasSize(5).first().asString().startsWith("SEQ  AT");
            assertThat(out).contains("created").contains("linked").contains("from=in_progress to=completed");
            assertThat(out.lines().skip(1).toList()).last().asString().contains("created");
            JsonNode newest = json("history", "--limit", "2");
            assertThat(newest).hasSize(2);
            assertThat(newest.get(0).get("sequence").asLong()).isGreaterThan(newest.get(1).get("sequence").asLong());
            JsonNode all = json("history", "--all");
            assertThat(all.get(0).get("sequence").asLong()).isEqualTo(newest.get(0).get("sequence").asLong());
            assertThat(all.get(all.size() - 1).get("type").asText()).isEqualTo("created");
            long middle = all.get(all.size() / 2).get("sequence").asLong();
            assertThat(json("history", "--after", String.valueOf(middle), "--all"))
                    .allMatch(event -> event.get("sequence").asLong() > middle)
                    .hasSize(all.size() / 2);
        }

        @Test
        void aCutHistorySaysHowToSeeMore() {
            int total = json("history", "--all").size();
            assertThat(ok("history", "-n", "1").lines().toList()).hasSize(3).last().asString()
                    .isEqualTo("The newest 1 of " + total + " events; --all shows every one, --since TIME those since "
                            + "a time, -n N the newest N.");
            assertThat(ok("history", "--all")).doesNotContain("The newest");
            assertThat(json("history", "--since", "2000-01-01")).hasSize(total);
            assertThat(json("history", "--since", "2000-01-01", "-n", "2")).hasSize(2);
            assertThat(ok("history", "--since", "2999-01-01")).isEqualTo("No events.\n");
        }

        @Test
        void historyOfANodeThatNeverWasIsNotFound() {
            fails(ExitCodes.NOT_FOUND, "history", "TSK-NEVER");
        }

        @Test
        void healthReportsTheStore() {
            assertThat(ok("health")).contains("up ").contains("yes");
            assertThat(json("health").get("up").asBoolean()).isTrue();
        }
    }

    @Nested
    class Formats {
        @Test
        void yamlCarriesTheSameData() {
            assertThat(ok("show", "TSK-PARSER", "--format", "yaml")).contains("id: TSK-PARSER\n")
                    .contains("status: completed\n").contains("labels:\n- parser\n");
        }

        @Test
        void anUnknownFormatIsAUsageError() {
            assertThat(fails(ExitCodes.USAGE, "list", "--format", "xml").err()).contains("json");
        }
    }

    List<String> ids(String... args) {
        List<String> ids = new ArrayList<>();
        json(args).forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }
}
