package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The command line answers alike where users compare answers: each error advises once, in the command line's
 * words and never to add an artifact; removing what is not there is "not found" for links and labels alike; a
 * malformed option value is a usage error; a copy into a store that dies with the command is refused.
 */
final class OneVoiceTest extends StoreCliTest {
    @Override
    String newStoreUrl(Path folder) {
        return "sqlite:" + folder.resolve("plan.db");
    }

    @BeforeEach
    void aSmallPlan() {
        ok("add", "goal", "Ship 1.0", "--id", "GOAL-SHIP");
        ok("add", "task", "Write the parser", "--id", "TSK-PARSER", "--parent", "GOAL-SHIP", "--label", "parser");
        ok("add", "task", "Write the docs", "--id", "TSK-DOCS");
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        return found;
    }

    @Test
    void deletingANodeWithChildrenAdvisesOnceInTheCommandLinesWords() {
        String err = fails(ExitCodes.CONFLICT, "delete", "GOAL-SHIP", "--yes").err();
        assertThat(err).contains("Node GOAL-SHIP has 1 children (TSK-PARSER).").contains("--cascade")
                .doesNotContain("CASCADE").doesNotContain("DETACH");
        assertThat(count(err, "cascade")).isEqualTo(1);
    }

    @Test
    void aVersionConflictAdvisesOnce() {
        String err = fails(ExitCodes.CONFLICT, "update", "TSK-PARSER", "--title", "Other", "--expect-version", "9")
                .err();
        assertThat(err).contains("is at version 1, not the expected 9").contains("cairn show ID")
                .doesNotContain("Read it again");
    }

    @Test
    void aChangedMigrationAdvisesRepairOnce() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:" + url);
             Statement statement = connection.createStatement()) {
            statement.execute("UPDATE cairn_schema_history SET checksum = 'feed' WHERE installed_rank = 1");
        }
        Cli.Result refused = run("migrate", "validate");
        assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
        assertThat(refused.err()).contains("feed").contains("cairn migrate repair");
        assertThat(count(refused.err(), "repair")).as(refused.err()).isEqualTo(1);
        Cli.Result opened = cli().run("--url", url + "?migrate=validate", "list");
        assertThat(opened.err()).contains("cairn migrate repair").doesNotContain("Check the store URL");
        assertThat(count(opened.err(), "repair")).as(opened.err()).isEqualTo(1);
    }

    @Test
    void anUnknownSchemeNeverAsksToAddAnArtifact() {
        Cli.Result result = cli().run("--url", "nosuch:thing", "list");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).contains("No store provider for scheme 'nosuch'").contains("Check the store URL")
                .doesNotContain("artifact").doesNotContain("Add dev.cairn").doesNotContain("register a provider");
    }

    @Test
    void removingALinkOrALabelThatIsNotThereIsNotFoundForBoth() {
        String link = fails(ExitCodes.NOT_FOUND, "unlink", "GOAL-SHIP", "TSK-DOCS").err();
        assertThat(link).contains("There is no link GOAL-SHIP → TSK-DOCS to remove.");
        String label = fails(ExitCodes.NOT_FOUND, "label", "remove", "TSK-PARSER", "parser", "nope").err();
        assertThat(label).contains("TSK-PARSER has no label nope to remove; its labels: parser.");
        assertThat(json("show", "TSK-PARSER").get("labels")).hasSize(1);
        assertThat(ok("label", "remove", "TSK-PARSER", "parser")).isEqualTo("TSK-PARSER labels: none\n");
    }

    @Test
    void everyMalformedOptionValueIsAUsageError() {
        for (String[] args : new String[][] {
            {"list", "--limit", "-5"}, {"list", "--limit", "0"}, {"list", "--offset", "-1"}, {"search", "x", "-n", "0"},
            {"list", "--limit", "abc"}, {"list", "--layer", "nope"}, {"add", "task", "X", "--progress", "300"},
            {"update", "TSK-DOCS", "--progress", "-1"}, {"progress", "TSK-DOCS", "101"}, {"history", "-n", "0"},
            {"history", "--since", "yesterday"}, {"tree", "--depth", "-1"}, {"health", "--timeout", "soon"}}) {
            Cli.Result result = fails(ExitCodes.USAGE, args);
            assertThat(result.err()).as(String.join(" ", args)).contains("See 'cairn ");
        }
        assertThat(json("show", "TSK-DOCS").get("progress").asInt()).isZero();
    }

    @Test
    void aCopyIntoAStoreInMemoryIsRefusedWithTheReason() {
        for (String target : new String[] {"memory:", "memory:copy", "sqlite::memory:", "h2:mem:copy"}) {
            String err = fails(ExitCodes.USAGE, "copy", "--to", target).err();
            assertThat(err).contains("--to " + target + " is a store in memory, gone when this command ends")
                    .contains("--to sqlite:copy.db");
        }
    }
}
