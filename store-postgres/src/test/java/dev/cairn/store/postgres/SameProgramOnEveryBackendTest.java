package dev.cairn.store.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.entry;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.DeleteMode;
import dev.cairn.core.Event;
import dev.cairn.core.Health;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodePatch;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.VersionConflictException;
import dev.cairn.core.WorkType;
import dev.cairn.test.postgres.PostgresServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One program, run unchanged on {@code memory:}, SQLite, H2 and PostgreSQL, switched only by its URL: every
 * backend must print the same transcript as the memory store, the reference. It lives with the last store
 * built, which can depend on all the others.
 */
class SameProgramOnEveryBackendTest {
    @TempDir
    static Path folder;

    static Stream<String> urls() {
        return Stream.of("memory:", "sqlite:" + folder.resolve("plan-" + UUID.randomUUID() + ".db"),
                "h2:mem:same-program-" + UUID.randomUUID(),
                PostgresServer.cairnUrl(PostgresServer.unusedSchema("same_program")));
    }

    @ParameterizedTest
    @MethodSource("urls")
    void printsWhatTheMemoryStorePrints(String url) {
        List<String> transcript = program(url);

        assertThat(transcript).isEqualTo(program("memory:"));
        // The acceptance criteria (0), the completed parser (100) and the lexer (0) below the goal.
        assertThat(transcript).contains("roll-up GOAL-ship = 33.333333333333336",
                "tasks of ana = [TSK-lexer, TSK-parser]", "stale update = VersionConflictException",
                "after failed transaction: TSK-doomed present = false, SUB-doomed present = true");
    }

    @ParameterizedTest
    @MethodSource("urls")
    void healthReportsEachBackendUpWithItsVersions(String url) {
        try (Cairn cairn = Cairn.open(url)) {
            Health health = cairn.health();

            assertThat(health.up()).isTrue();
            assertThat(health.problem()).isEmpty();
            assertThat(health.backend()).isEqualTo(cairn.backend());
            assertThat(health.latency()).isPositive();
            if (url.equals("memory:")) {
                assertThat(health.serverVersion()).isEmpty();
                assertThat(health.schemaVersions()).isEmpty();
            } else {
                assertThat(health.serverVersion()).matches("(SQLite|H2|PostgreSQL) [0-9].*");
                assertThat(health.schemaVersions()).containsExactly(entry("cairn", "2"));
            }
        }
    }

    /** A small planning session; every result it sees is written to the transcript. */
    private static List<String> program(String url) {
        List<String> out = new ArrayList<>();
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T09:00:00.123Z"), ZoneOffset.UTC);
        try (Cairn cairn = Cairn.open(CairnConfig.builder(url).clock(clock).actor("ana").build())) {
            Node goal = cairn.create(NodeDraft.of(Layer.GOAL, "Ship 1.0").id("GOAL-ship").labels("release"));
            cairn.create(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "Tests pass").id("AC-tests").parents(goal.id()));
            cairn.create(NodeDraft.of(Layer.TASK, "Write the parser").id("TSK-parser").owner("ana")
                    .severity(Severity.HIGH).workType(WorkType.IMPLEMENTATION).labels("parser")
                    .customField("estimate", Map.of("days", 3, "confidence", 0.5)).parents(goal.id()));
            cairn.create(NodeDraft.of(Layer.TASK, "Write the lexer").id("TSK-lexer").owner("ana").parents(goal.id()));
            cairn.create(NodeDraft.of(Layer.COMMAND, "Run the tests").id("CMD-test").parents("TSK-parser", "AC-tests")
                    .command(CommandSpec.of("AC-tests", "mvn -q verify")));
            cairn.setStatus("TSK-parser", Status.IN_PROGRESS);
            cairn.setStatus("TSK-parser", Status.COMPLETED);
            cairn.update("TSK-lexer", NodePatch.create().assignee("bo").labels("lexer", "parser"));

            out.add("tasks of ana = " + ids(cairn.find(NodeQuery.layer(Layer.TASK).owner("ana"))));
            out.add("parser label = " + ids(cairn.find(NodeQuery.all().withAnyLabel("parser"))));
            out.add("text 'WRITE' = " + ids(cairn.find(NodeQuery.all().text("WRITE").sortBy(NodeQuery.Sort.TITLE))));
            out.add("by status desc = " + ids(cairn.find(NodeQuery.all().sortBy(NodeQuery.Sort.STATUS).descending())));
            out.add("count tasks = " + cairn.count(NodeQuery.layer(Layer.TASK)));
            out.add("descendants = " + sorted(ids(cairn.descendants("GOAL-ship"))));
            out.add("ancestors of CMD-test = " + sorted(ids(cairn.ancestors("CMD-test"))));
            out.add("roll-up GOAL-ship = " + cairn.rolledUpProgress("GOAL-ship"));
            out.add("parser = " + cairn.get("TSK-parser"));
            out.add("command = " + cairn.get("CMD-test").command());
            out.add("links = " + cairn.links());
            out.add("labels = " + cairn.labels());
            out.add("counts = " + cairn.countByLayerAndStatus().stream().sorted((a, b) -> a.toString()
                    .compareTo(b.toString())).toList());

            long version = cairn.get("TSK-lexer").version();
            cairn.update("TSK-lexer", NodePatch.create().progress(30).expectVersion(version));
            Throwable stale = catchThrowable(() ->
                    cairn.update("TSK-lexer", NodePatch.create().progress(40).expectVersion(version)));
            out.add("stale update = " + (stale == null ? "none" : stale.getClass().getSimpleName()));

            cairn.create(NodeDraft.of(Layer.SUB_TASK, "Doomed").id("SUB-doomed"));
            catchThrowable(() -> cairn.useTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.TASK, "Doomed").id("TSK-doomed").parents("GOAL-ship"));
                graph.delete("SUB-doomed");
                throw new VersionConflictException("changed my mind");
            }));
            out.add("after failed transaction: TSK-doomed present = " + cairn.findById("TSK-doomed").isPresent()
                    + ", SUB-doomed present = " + cairn.findById("SUB-doomed").isPresent());

            out.add("deleted = " + sorted(cairn.delete("TSK-parser", DeleteMode.CASCADE)));
            out.add("events = " + cairn.events(0, Integer.MAX_VALUE).stream()
                    .map(event -> event.nodeId() + " " + event.type() + " " + event.actor() + " " + event.at()
                            + " " + event.details())
                    .toList());
            out.add("history of TSK-parser = " + cairn.history("TSK-parser").stream().map(Event::type).toList());
        }
        return out;
    }

    private static List<String> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }
}
