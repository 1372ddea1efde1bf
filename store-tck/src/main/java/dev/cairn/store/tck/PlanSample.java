package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.map;

import dev.cairn.core.CairnConfig;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.DeleteMode;
import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodePatch;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.PlanGraph;
import dev.cairn.core.RunSpec;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.WorkType;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A plan that uses every part of Cairn's model, and a snapshot of all a store keeps of it, for tests that
 * show a store loses nothing: an upgrade of its schema (fill a database at an old version, migrate it,
 * compare), a copy between backends, a restore.
 *
 * <pre>{@code
 * TestClock clock = new TestClock(PlanSample.START);
 * PlanSample.Snapshot before;
 * try (Cairn cairn = Cairn.open(PlanSample.config(url + "?migrate=off", clock))) {
 *     PlanSample.fill(cairn, clock);
 *     before = PlanSample.Snapshot.of(cairn);
 * }
 * // migrate, reopen
 * PlanSample.Snapshot.of(reopened).assertKeepsEverythingOf(before);
 * }</pre>
 *
 * <p>The plan has a node of every layer with every field set (nodes of some layers leave optional fields
 * empty, which must stay empty), every status, severity and work type, nested custom fields, labels
 * with and without descriptions and one carried by no node, a Command with a full command spec, a node
 * with two parents, dates stamped by status changes and dates kept from an import, and events of every
 * type, those of a deleted node among them.
 *
 * <p>Stateless and thread-safe; a {@link Snapshot} is immutable.
 */
public final class PlanSample {
    /** Where the sample's clock starts. */
    public static final Instant START = Instant.parse("2024-03-01T09:00:00Z");

    /** The actor recorded on every event of the sample. */
    public static final String ACTOR = "ana";

    /** The id of the sample's Command node. */
    public static final String COMMAND_ID = "CMD-FIXTURES";

    /** The id of the node the sample deletes, whose events stay. */
    public static final String DELETED_ID = "TSK-XML";

    private static final Duration STEP = Duration.ofMinutes(7);

    private PlanSample() {
    }

    /**
     * A configuration for {@code url} with the sample's actor and {@code clock}, which {@link #fill} moves.
     *
     * @param url Cairn's URL of the store
     * @param clock the plan's clock
     * @return the configuration
     */
    public static CairnConfig config(String url, TestClock clock) {
        return CairnConfig.builder(url).clock(clock).actor(ACTOR).build();
    }

    /**
     * Writes the sample into an empty plan, moving {@code clock} (the plan's clock) between changes so that
     * every date differs.
     *
     * @param plan an empty plan
     * @param clock the plan's clock, moved on between changes
     */
    public static void fill(PlanGraph plan, TestClock clock) {
        plan.defineLabel("release", "Goes into the 1.0 release notes");
        plan.defineLabel("parser", "Reads ToDoWrite's YAML — «all of it»");
        plan.defineLabel("unused", "Defined, carried by no node: labels outlive their nodes");

        step(clock);
        plan.create(NodeDraft.of(Layer.GOAL, "Ship Cairn 1.0")
                .id("GOAL-SHIP")
                .description("The first release.\nTwo lines, 'quotes', \"double quotes\", ünïcödé and 🚀.")
                .owner("ana")
                .assignee("ben")
                .severity(Severity.CRITICAL)
                .workType(WorkType.ARCHITECTURE)
                .labels("release")
                .customField("quarter", "2024-Q2")
                .customField("budget", Map.of(
                        "currency", "EUR",
                        "amount", 12500.5,
                        "approved", true,
                        "lines", List.of(
                                Map.of("item", "CI", "cost", 300),
                                Map.of("item", "hosting", "cost", 9_000_000_000L))))
                .customField("reviewers", List.of("ana", "ben", "chloé"))
                .customField("nothing", null)
                .customField("huge", new BigInteger("123456789012345678901234567890"))
                .customField("negative", -42)
                .customField("empty", Map.of()));
        step(clock);
        plan.create(NodeDraft.of(Layer.CONCEPT, "A layered planning graph").id("CON-GRAPH")
                .description("Twelve layers, parent to child.").owner("ben").severity(Severity.HIGH)
                .workType(WorkType.SPEC).parents("GOAL-SHIP"));
        step(clock);
        // Dates kept from an import, in the past of the sample's clock.
        plan.create(NodeDraft.of(Layer.CONTEXT, "Embedded first").id("CTX-EMBEDDED")
                .description("SQLite is the default backend.").severity(Severity.LOW).workType(WorkType.DOCS)
                .status(Status.IN_PROGRESS)
                .createdAt(Instant.parse("2023-11-05T10:15:30.123Z"))
                .startedAt(Instant.parse("2023-11-06T08:00:00.456Z"))
                .parents("CON-GRAPH"));
        step(clock);
        plan.create(NodeDraft.of(Layer.CONSTRAINTS, "Java 17 is the floor").id("CST-JAVA17")
                .severity(Severity.MEDIUM).workType(WorkType.OPS).parents("CTX-EMBEDDED")
                .customField("jdk", List.of(17, 21)));
        step(clock);
        // Two parents: the goal and the constraint.
        plan.create(NodeDraft.of(Layer.REQUIREMENTS, "Plans import from ToDoWrite").id("R-IMPORT")
                .owner("ana").assignee("chloé").severity(Severity.HIGH).workType(WorkType.SPEC)
                .labels("release", "parser").parents("GOAL-SHIP", "CST-JAVA17"));
        step(clock);
        plan.create(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "The 71 fixture files import").id("AC-FIXTURES")
                .workType(WorkType.VALIDATION).parents("R-IMPORT"));
        step(clock);
        plan.create(NodeDraft.of(Layer.INTERFACE_CONTRACT, "The store SPI").id("IF-STORE")
                .workType(WorkType.INTERFACE).severity(Severity.MEDIUM).parents("R-IMPORT"));
        step(clock);
        plan.create(NodeDraft.of(Layer.PHASE, "Alpha").id("PH-ALPHA").workType(WorkType.CHORE)
                .parents("R-IMPORT"));
        step(clock);
        plan.create(NodeDraft.of(Layer.STEP, "Parse").id("STP-PARSE").workType(WorkType.REFACTOR)
                .parents("PH-ALPHA"));
        step(clock);
        plan.create(NodeDraft.of(Layer.TASK, "Write the YAML parser").id("TSK-PARSER").owner("ana")
                .workType(WorkType.IMPLEMENTATION).labels("parser").parents("STP-PARSE"));
        step(clock);
        plan.create(NodeDraft.of(Layer.SUB_TASK, "Write the lexer").id("SUB-LEXER").assignee("ben")
                .workType(WorkType.TEST).parents("TSK-PARSER"));
        step(clock);
        plan.create(NodeDraft.of(Layer.COMMAND, "Import the fixtures").id(COMMAND_ID)
                .description("Runs the importer over every fixture.")
                .parents("AC-FIXTURES", "SUB-LEXER")
                .command(new CommandSpec("AC-FIXTURES",
                        new RunSpec("cairn import --tree fixtures/ && echo 'done; \"ok\"'", "build/it",
                                Map.of("CAIRN_URL", "sqlite:build/it/plan.db", "LANG", "C.UTF-8")),
                        List.of("results/import.log", "results/report.json"))));
        step(clock);
        plan.create(NodeDraft.of(Layer.TASK, "Support XML").id(DELETED_ID).labels("parser")
                .parents("STP-PARSE"));

        // Links made and unmade after creation.
        step(clock);
        plan.link("IF-STORE", "TSK-PARSER");
        step(clock);
        plan.link("PH-ALPHA", "SUB-LEXER");
        step(clock);
        plan.unlink("PH-ALPHA", "SUB-LEXER");

        // Status changes stamp startedAt and completedAt; every status is reached.
        step(clock);
        plan.setStatus("GOAL-SHIP", Status.IN_PROGRESS);
        step(clock);
        plan.setStatus("TSK-PARSER", Status.IN_PROGRESS);
        step(clock);
        plan.setProgress("TSK-PARSER", 60);
        step(clock);
        plan.setStatus("TSK-PARSER", Status.COMPLETED);
        step(clock);
        plan.setStatus("SUB-LEXER", Status.IN_PROGRESS);
        step(clock);
        plan.setStatus("SUB-LEXER", Status.COMPLETED);
        step(clock);
        plan.reopen("SUB-LEXER");
        step(clock);
        plan.setProgress("SUB-LEXER", 35);
        step(clock);
        plan.setStatus("STP-PARSE", Status.BLOCKED);
        step(clock);
        plan.setStatus("PH-ALPHA", Status.CANCELLED);
        step(clock);
        plan.setStatus(COMMAND_ID, Status.IN_PROGRESS);

        // Updates, labels added and removed, and a node deleted: events of every type.
        step(clock);
        plan.update("CON-GRAPH", NodePatch.create().title("A layered planning graph, twelve layers")
                .assignee("chloé").customField("source", Map.of("url", "https://example.org/todowrite", "page", 4)));
        step(clock);
        plan.update(COMMAND_ID, NodePatch.create().command(new CommandSpec("AC-FIXTURES",
                new RunSpec("cairn import --tree fixtures/ --strict", "build/it",
                        Map.of("CAIRN_URL", "sqlite:build/it/plan.db", "LANG", "C.UTF-8", "TZ", "UTC")),
                List.of("results/import.log", "results/report.json", "results/summary.txt"))));
        step(clock);
        plan.label("IF-STORE", "release", "store");
        step(clock);
        plan.unlabel("R-IMPORT", "parser");
        step(clock);
        plan.delete(DELETED_ID, DeleteMode.REFUSE);
        step(clock);
    }

    private static void step(TestClock clock) {
        clock.advance(STEP);
    }

    /**
     * Everything a store keeps of a plan, read through the public API: every node, link and label, the
     * whole event log, and each node's history (the deleted node's too).
     *
     * @param nodes     every node, by id
     * @param links     every link, by parent then child
     * @param labels    every label, by name
     * @param events    the whole event log, in sequence order
     * @param histories each node's history, by node id
     */
    public record Snapshot(List<Node> nodes, List<Link> links, List<Label> labels, List<Event> events,
                           Map<String, List<Event>> histories) {
        private static final int PAGE = 500;

        /**
         * Copies every list and the map of histories.
         *
         * @param nodes     every node, by id
         * @param links     every link, by parent then child
         * @param labels    every label, by name
         * @param events    the whole event log, in sequence order
         * @param histories each node's history, by node id
         */
        public Snapshot {
            nodes = List.copyOf(nodes);
            links = List.copyOf(links);
            labels = List.copyOf(labels);
            events = List.copyOf(events);
            histories = Collections.unmodifiableMap(new LinkedHashMap<>(histories));
        }

        /**
         * Reads all of {@code plan}.
         *
         * @param plan the plan to read
         * @return all it holds
         */
        public static Snapshot of(PlanGraph plan) {
            List<Node> nodes = plan.find(NodeQuery.all());
            List<Event> events = new ArrayList<>();
            for (List<Event> page = plan.events(0, PAGE); !page.isEmpty();
                 page = plan.events(page.get(page.size() - 1).sequence(), PAGE)) {
                events.addAll(page);
            }
            Map<String, List<Event>> histories = new LinkedHashMap<>();
            // Every id the log names, so that the history of a deleted node is read too.
            events.stream().map(Event::nodeId).distinct().sorted()
                    .forEach(id -> histories.put(id, plan.history(id)));
            return new Snapshot(nodes, plan.links(), plan.labels(), events, histories);
        }

        /**
         * The node with this id.
         *
         * @param id the node's id
         * @return the node
         * @throws AssertionError when the snapshot holds no node {@code id}
         */
        public Node node(String id) {
            return nodes.stream().filter(node -> node.id().equals(id)).findFirst()
                    .orElseThrow(() -> new AssertionError("No node " + id + " in the snapshot"));
        }

        /**
         * Asserts that this snapshot, read later, holds everything {@code before} held, field by field:
         * each difference is reported with the node or list it is in.
         *
         * @param before the snapshot taken earlier
         */
        public void assertKeepsEverythingOf(Snapshot before) {
            Objects.requireNonNull(before, "before");
            Map<String, Node> expected = byId(before.nodes);
            Map<String, Node> actual = byId(nodes);
            assertThat(actual.keySet()).as("node ids").containsExactlyElementsOf(expected.keySet());
            expected.forEach((id, node) -> assertThat(actual.get(id)).as("node %s", id)
                    .usingRecursiveComparison().isEqualTo(node));
            assertThat(nodes).as("nodes").containsExactlyElementsOf(before.nodes);
            assertThat(links).as("links").containsExactlyElementsOf(before.links);
            assertThat(labels).as("labels").containsExactlyElementsOf(before.labels);
            assertThat(events).as("event log").containsExactlyElementsOf(before.events);
            assertThat(histories.keySet()).as("ids with a history").containsExactlyElementsOf(before.histories.keySet());
            before.histories.forEach((id, history) -> assertThat(histories.get(id)).as("history of %s", id)
                    .containsExactlyElementsOf(history));
        }

        /**
         * Asserts that this snapshot holds what {@link #fill} wrote, in every kind: so that a comparison of
         * two snapshots cannot pass because both are empty or because a store dropped something on writing.
         */
        public void assertCoversTheModel() {
            assertThat(nodes).extracting(Node::layer).as("layers").containsAll(EnumSet.allOf(Layer.class));
            assertThat(nodes).extracting(Node::status).as("statuses").containsAll(EnumSet.allOf(Status.class));
            assertThat(nodes).extracting(Node::severity).as("severities").containsAll(EnumSet.allOf(Severity.class));
            assertThat(nodes).extracting(Node::workType).as("work types").containsAll(EnumSet.allOf(WorkType.class));
            assertThat(events).extracting(Event::type).as("event types").containsAll(EnumSet.allOf(EventType.class));
            assertThat(nodes).extracting(Node::id).as("the deleted node").doesNotContain(DELETED_ID);
            assertThat(histories.get(DELETED_ID)).as("history of the deleted node").extracting(Event::type)
                    .startsWith(EventType.CREATED).endsWith(EventType.DELETED);
            assertThat(events).extracting(Event::actor).as("actors").containsOnly(ACTOR);

            Node goal = node("GOAL-SHIP");
            assertThat(goal.description()).contains("\n", "'", "\"", "🚀");
            assertThat(goal.owner()).isEqualTo("ana");
            assertThat(goal.assignee()).isEqualTo("ben");
            assertThat(goal.labels()).containsExactly("release");
            assertThat(goal.startedAt()).isAfter(START);
            assertThat(goal.customFields()).containsKeys("quarter", "budget", "reviewers", "nothing", "huge")
                    .containsEntry("nothing", null)
                    .containsEntry("huge", new BigInteger("123456789012345678901234567890"));
            assertThat(goal.customFields().get("budget")).asInstanceOf(map(String.class, Object.class))
                    .containsEntry("approved", true)
                    .containsEntry("amount", 12500.5)
                    .containsEntry("lines", List.of(Map.of("item", "CI", "cost", 300),
                            Map.of("item", "hosting", "cost", 9_000_000_000L)));

            Node imported = node("CTX-EMBEDDED");
            assertThat(imported.createdAt()).isEqualTo(Instant.parse("2023-11-05T10:15:30.123Z"));
            assertThat(imported.startedAt()).isEqualTo(Instant.parse("2023-11-06T08:00:00.456Z"));

            Node completed = node("TSK-PARSER");
            assertThat(completed.status()).isEqualTo(Status.COMPLETED);
            assertThat(completed.progress()).isEqualTo(100);
            assertThat(completed.startedAt()).isBefore(completed.completedAt());
            Node reopened = node("SUB-LEXER");
            assertThat(reopened.status()).isEqualTo(Status.IN_PROGRESS);
            assertThat(reopened.startedAt()).isNotNull();
            assertThat(reopened.completedAt()).isNull();
            assertThat(reopened.progress()).isEqualTo(35);

            CommandSpec command = node(COMMAND_ID).command();
            assertThat(command).isNotNull();
            assertThat(command.acRef()).isEqualTo("AC-FIXTURES");
            assertThat(command.run().shell()).isEqualTo("cairn import --tree fixtures/ --strict");
            assertThat(command.run().workdir()).isEqualTo("build/it");
            assertThat(command.run().env()).containsOnlyKeys("CAIRN_URL", "LANG", "TZ");
            assertThat(command.artifacts()).containsExactly("results/import.log", "results/report.json",
                    "results/summary.txt");

            Set<String> parentsOfRequirement = links.stream().filter(link -> link.childId().equals("R-IMPORT"))
                    .map(Link::parentId).collect(Collectors.toSet());
            assertThat(parentsOfRequirement).as("parents of R-IMPORT").containsExactlyInAnyOrder("GOAL-SHIP",
                    "CST-JAVA17");
            assertThat(links).as("links").contains(new Link("IF-STORE", "TSK-PARSER"))
                    .doesNotContain(new Link("PH-ALPHA", "SUB-LEXER"));
            assertThat(labels).as("labels").contains(
                    new Label("release", "Goes into the 1.0 release notes"),
                    new Label("unused", "Defined, carried by no node: labels outlive their nodes"),
                    new Label("store", null));
        }

        private static Map<String, Node> byId(List<Node> nodes) {
            return nodes.stream().collect(Collectors.toMap(Node::id, Function.identity(), (first, second) -> first,
                    LinkedHashMap::new));
        }
    }
}
