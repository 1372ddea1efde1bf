package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.CairnException;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.doctor.Doctor;
import dev.cairn.core.doctor.DoctorReport;
import dev.cairn.core.doctor.DoctorReport.Finding;
import dev.cairn.core.doctor.DoctorReport.Kind;
import dev.cairn.core.doctor.DoctorReport.Repair;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreTransaction;
import dev.cairn.core.spi.StoredDrift;
import dev.cairn.core.trace.TraceReport;
import dev.cairn.core.trace.Traceability;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The doctor and traceability, the same on every store. A store module extends this class and hands it the
 * backend's {@link StoreFixture}, which makes a fresh, empty store for each test:
 *
 * <pre>{@code
 * class H2DoctorTest extends DoctorContractTest {
 *     H2DoctorTest() { super(H2Fixture.inMemory()); }
 * }
 * }</pre>
 *
 * <p>The tests of what another tool can write past Cairn's rules (drift) run on the stores whose fixture
 * gives {@link StoreFixture#rawDatabase SQL access} to their tables, as that tool has it; the others are
 * skipped.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class DoctorContractTest {
    /** The time the test's clock stands at when the test begins. */
    protected static final Instant START = Instant.parse("2026-03-01T09:00:00Z");
    /** The actor of the suite's changes. */
    protected static final String ACTOR = "doctor-tck";

    /** The backend's stores. */
    protected final StoreFixture fixture;
    /** The test's clock; only the test moves it. */
    protected TestClock clock;
    /** A facade over the test's store. */
    protected Cairn cairn;
    private Store store;

    /**
     * A suite on the stores {@code fixture} makes, one for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected DoctorContractTest(StoreFixture fixture) {
        this.fixture = Objects.requireNonNull(fixture, "fixture");
    }

    /**
     * SQL access to the tables of the test's store, as the fixture gives it; empty when it gives none.
     *
     * @return the store's tables reached with SQL, or empty
     */
    protected final Optional<RawDatabase> rawDatabase() {
        return fixture.rawDatabase(store);
    }

    @BeforeEach
    void openStore() {
        clock = new TestClock(START);
        store = fixture.createStore();
        cairn = Cairn.over(store, CairnConfig.builder("test:").clock(clock).actor(ACTOR).build());
    }

    @AfterEach
    void closeStore() {
        cairn.close();
        fixture.close();
    }

    /**
     * The plan of the exact-output tests:
     *
     * <pre>
     * GOAL-SHIP (in_progress)
     * ├─ R-EXPORT  Export "plans", &lt;all&gt; &amp; more
     * │  └─ TSK-PARSER (in_progress, 40)
     * └─ R-IMPORT
     *    ├─ AC-FAST
     *    ├─ AC-LOSSLESS
     *    │  └─ CMD-LOSSLESS (completed, verifies AC-LOSSLESS)
     *    └─ TSK-PARSER
     * </pre>
     */
    protected void createPlan() {
        create(NodeDraft.of(Layer.GOAL, "Ship 1.0").id("GOAL-SHIP").status(Status.IN_PROGRESS).owner("ana"));
        create(NodeDraft.of(Layer.REQUIREMENTS, "Import ToDoWrite trees").id("R-IMPORT").parents("GOAL-SHIP")
                .labels("io", "import"));
        create(NodeDraft.of(Layer.REQUIREMENTS, "Export \"plans\", <all> & more").id("R-EXPORT").parents("GOAL-SHIP")
                .severity(Severity.HIGH));
        create(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "Round trip is lossless").id("AC-LOSSLESS").parents("R-IMPORT"));
        create(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "Imports 10k nodes in a second").id("AC-FAST")
                .parents("R-IMPORT"));
        create(NodeDraft.of(Layer.TASK, "Write the parser").id("TSK-PARSER").parents("R-IMPORT", "R-EXPORT")
                .status(Status.IN_PROGRESS).progress(40));
        create(NodeDraft.of(Layer.COMMAND, "Prove the round trip").id("CMD-LOSSLESS").parents("AC-LOSSLESS")
                .status(Status.COMPLETED).command(CommandSpec.of("AC-LOSSLESS", "mvn verify")));
    }

    private void create(NodeDraft draft) {
        cairn.create(draft);
    }

    private static List<Object> kindsAndIds(DoctorReport report) {
        return report.findings().stream().map(finding -> (Object) tuple(finding.kind(), finding.nodeId(),
                finding.repairable())).toList();
    }

    // ---------------------------------------------------------------------------------------------

    /** What the doctor finds in the shape of the graph, on every store. */
    @Nested
    class Structure {
        @Test
        void aPlanWhoseCommandsHangBelowTheCriteriaTheyVerifyIsHealthy() {
            createPlan();

            DoctorReport report = Doctor.examine(cairn);

            assertThat(report.findings()).isEmpty();
            assertThat(report.healthy()).isTrue();
            assertThat(report.toText()).isEqualTo("No problems found.\n");
        }

        @Test
        void orphansAndCommandsWithoutAcceptanceCriteriaAreFoundAndLeftAlone() {
            createPlan();
            create(NodeDraft.of(Layer.TASK, "Lonely").id("TSK-LONELY"));
            create(NodeDraft.of(Layer.COMMAND, "Bare").id("CMD-BARE"));
            create(NodeDraft.of(Layer.COMMAND, "Aside").id("CMD-ASIDE").parents("TSK-PARSER")
                    .command(CommandSpec.of("AC-FAST", "make fast")));
            long events = cairn.events(0, Integer.MAX_VALUE).size();

            DoctorReport examined = Doctor.examine(cairn);
            DoctorReport repaired = Doctor.repair(cairn);

            assertThat(kindsAndIds(examined)).containsExactly(
                    tuple(Kind.ORPHAN, "CMD-BARE", false),
                    tuple(Kind.ORPHAN, "TSK-LONELY", false),
                    tuple(Kind.COMMAND_WITHOUT_SPEC, "CMD-BARE", false),
                    tuple(Kind.COMMAND_NOT_BELOW_ACCEPTANCE_CRITERIA, "CMD-ASIDE", false),
                    tuple(Kind.COMMAND_NOT_BELOW_ACCEPTANCE_CRITERIA, "CMD-BARE", false));
            assertThat(examined.findings(Kind.ORPHAN)).extracting(Finding::detail).containsExactly(
                    "Command CMD-BARE has no parent: every node below Goal belongs under one. Link it to a parent.",
                    "Task TSK-LONELY has no parent: every node below Goal belongs under one. Link it to a parent.");
            assertThat(examined.findings(Kind.COMMAND_WITHOUT_SPEC).get(0).detail()).isEqualTo("Command CMD-BARE has "
                    + "no command spec: nothing says which AcceptanceCriteria it verifies or how to run it.");
            assertThat(examined.repairable()).isEmpty();
            assertThat(repaired.findings()).isEqualTo(examined.findings());
            assertThat(repaired.repairs()).isEmpty();
            assertThat(cairn.events(0, Integer.MAX_VALUE)).hasSize((int) events);
        }

        @Test
        void aCommandVerifyingAnotherCriterionThanTheOneItHangsBelowIsFound() {
            createPlan();
            create(NodeDraft.of(Layer.COMMAND, "Elsewhere").id("CMD-ELSEWHERE").parents("AC-LOSSLESS")
                    .command(CommandSpec.of("AC-FAST", "make fast")));

            DoctorReport report = Doctor.examine(cairn);

            assertThat(kindsAndIds(report)).containsExactly(tuple(Kind.COMMAND_AC_NOT_ITS_PARENT, "CMD-ELSEWHERE",
                    false));
            assertThat(report.findings().get(0).detail()).isEqualTo("Command CMD-ELSEWHERE verifies AC-FAST but hangs "
                    + "below AC-LOSSLESS. Point its acRef at the AcceptanceCriteria it hangs below, or link it below "
                    + "AC-FAST.");
        }

        @Test
        void aStoreThatKeepsOnlyWhatPassedTheRulesReportsNoDrift() {
            assumeThat(rawDatabase()).as("a store without raw SQL access cannot drift").isEmpty();
            createPlan();
            List<StoredDrift> drift = cairn.store().read(StoreTransaction::drift);

            assertThat(drift).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** Traceability of Requirements → AcceptanceCriteria → Commands, and ToDoWrite's two files. */
    @Nested
    class Trace {
        @Test
        void coverageCountsCriteriaBelowRequirementsAndCommandsByAcRefOrLink() {
            createPlan();
            // Verifies AC-FAST by its acRef only, hanging elsewhere.
            create(NodeDraft.of(Layer.COMMAND, "Time the import").id("CMD-TIMING").parents("TSK-PARSER")
                    .command(CommandSpec.of("AC-FAST", "make bench")));
            create(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "Exports every field").id("AC-FIELDS"));
            // Verifies AC-FIELDS by being its child only: no spec.
            create(NodeDraft.of(Layer.COMMAND, "Diff the export").id("CMD-DIFF").parents("AC-FIELDS"));

            TraceReport report = Traceability.of(cairn).report();

            assertThat(report.requirements()).containsExactly(
                    new TraceReport.Requirement("R-EXPORT", "Export \"plans\", <all> & more", List.of()),
                    new TraceReport.Requirement("R-IMPORT", "Import ToDoWrite trees", List.of("AC-FAST", "AC-LOSSLESS")));
            assertThat(report.criteria()).containsExactly(
                    new TraceReport.Criterion("AC-FAST", "Imports 10k nodes in a second", List.of("CMD-TIMING")),
                    new TraceReport.Criterion("AC-FIELDS", "Exports every field", List.of("CMD-DIFF")),
                    new TraceReport.Criterion("AC-LOSSLESS", "Round trip is lossless", List.of("CMD-LOSSLESS")));
            assertThat(report.requirementsCovered()).isEqualTo(1);
            assertThat(report.requirementCoverage()).isEqualTo(50.0);
            assertThat(report.criteriaCoverage()).isEqualTo(100.0);
            assertThat(report.requirementsWithoutCriteria()).containsExactly("R-EXPORT");
            assertThat(report.criteriaWithoutCommands()).isEmpty();
            assertThat(report.brokenCommands()).isEmpty();
            assertThat(report.complete()).isFalse();
            assertThat(report.toText()).isEqualTo("""
                    Requirements covered by AcceptanceCriteria: 1 of 2 (50.0%)
                    AcceptanceCriteria verified by Commands: 3 of 3 (100.0%)
                    Requirements without AcceptanceCriteria: R-EXPORT
                    """);
        }

        @Test
        void anEmptyPlanIsVacuouslyCovered() {
            TraceReport report = Traceability.of(cairn).report();

            assertThat(report.requirementCoverage()).isEqualTo(100.0);
            assertThat(report.criteriaCoverage()).isEqualTo(100.0);
            assertThat(report.complete()).isTrue();
        }

        @Test
        void traceCsvHasToDoWritesColumnsWithARowPerLinkAndPerLeaf() throws IOException {
            createPlan();
            StringWriter out = new StringWriter();

            Traceability.of(cairn).writeCsv(out);

            assertThat(out.toString()).isEqualTo(String.join("\r\n",
                    "from_id,from_layer,from_title,to_id,to_layer,to_title,relationship,valid",
                    "GOAL-SHIP,Goal,Ship 1.0,R-EXPORT,Requirements,\"Export \"\"plans\"\", <all> & more\",parent_to_child,True",
                    "GOAL-SHIP,Goal,Ship 1.0,R-IMPORT,Requirements,Import ToDoWrite trees,parent_to_child,True",
                    "R-EXPORT,Requirements,\"Export \"\"plans\"\", <all> & more\",TSK-PARSER,Task,Write the parser,"
                            + "parent_to_child,True",
                    "R-IMPORT,Requirements,Import ToDoWrite trees,AC-FAST,AcceptanceCriteria,"
                            + "Imports 10k nodes in a second,parent_to_child,True",
                    "R-IMPORT,Requirements,Import ToDoWrite trees,AC-LOSSLESS,AcceptanceCriteria,Round trip is lossless,"
                            + "parent_to_child,True",
                    "R-IMPORT,Requirements,Import ToDoWrite trees,TSK-PARSER,Task,Write the parser,parent_to_child,True",
                    "AC-FAST,AcceptanceCriteria,Imports 10k nodes in a second,,,,leaf,True",
                    "AC-LOSSLESS,AcceptanceCriteria,Round trip is lossless,CMD-LOSSLESS,Command,Prove the round trip,"
                            + "parent_to_child,True",
                    "TSK-PARSER,Task,Write the parser,,,,leaf,True",
                    "CMD-LOSSLESS,Command,Prove the round trip,,,,leaf,True",
                    ""));
        }

        @Test
        void graphJsonHasToDoWritesNodesEdgesAndStatistics() throws IOException {
            createPlan();
            create(NodeDraft.of(Layer.TASK, "Lonely").id("TSK-LONELY"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            Traceability.of(cairn).writeGraphJson(out);

            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                    {
                      "nodes": {
                        "GOAL-SHIP": {
                          "layer": "Goal",
                          "title": "Ship 1.0",
                          "status": "in_progress",
                          "progress": 0,
                          "file_path": "plans/goals/GOAL-SHIP.yaml",
                          "metadata": {
                            "owner": "ana"
                          }
                        },
                        "R-EXPORT": {
                          "layer": "Requirements",
                          "title": "Export \\"plans\\", <all> & more",
                          "status": "planned",
                          "progress": 0,
                          "file_path": "plans/requirements/R-EXPORT.yaml",
                          "metadata": {
                            "severity": "high"
                          }
                        },
                        "R-IMPORT": {
                          "layer": "Requirements",
                          "title": "Import ToDoWrite trees",
                          "status": "planned",
                          "progress": 0,
                          "file_path": "plans/requirements/R-IMPORT.yaml",
                          "metadata": {
                            "labels": [
                              "import",
                              "io"
                            ]
                          }
                        },
                        "AC-FAST": {
                          "layer": "AcceptanceCriteria",
                          "title": "Imports 10k nodes in a second",
                          "status": "planned",
                          "progress": 0,
                          "file_path": "plans/acceptance_criteria/AC-FAST.yaml",
                          "metadata": {}
                        },
                        "AC-LOSSLESS": {
                          "layer": "AcceptanceCriteria",
                          "title": "Round trip is lossless",
                          "status": "planned",
                          "progress": 0,
                          "file_path": "plans/acceptance_criteria/AC-LOSSLESS.yaml",
                          "metadata": {}
                        },
                        "TSK-LONELY": {
                          "layer": "Task",
                          "title": "Lonely",
                          "status": "planned",
                          "progress": 0,
                          "file_path": "plans/tasks/TSK-LONELY.yaml",
                          "metadata": {}
                        },
                        "TSK-PARSER": {
                          "layer": "Task",
                          "title": "Write the parser",
                          "status": "in_progress",
                          "progress": 40,
                          "file_path": "plans/tasks/TSK-PARSER.yaml",
                          "metadata": {}
                        },
                        "CMD-LOSSLESS": {
                          "layer": "Command",
                          "title": "Prove the round trip",
                          "status": "completed",
                          "progress": 100,
                          "file_path": "commands/CMD-LOSSLESS.yaml",
                          "metadata": {}
                        }
                      },
                      "edges": [
                        {
                          "from": "GOAL-SHIP",
                          "to": "R-EXPORT",
                          "type": "parent_child"
                        },
                        {
                          "from": "GOAL-SHIP",
                          "to": "R-IMPORT",
                          "type": "parent_child"
                        },
                        {
                          "from": "R-EXPORT",
                          "to": "TSK-PARSER",
                          "type": "parent_child"
                        },
                        {
                          "from": "R-IMPORT",
                          "to": "AC-FAST",
                          "type": "parent_child"
                        },
                        {
                          "from": "R-IMPORT",
                          "to": "AC-LOSSLESS",
                          "type": "parent_child"
                        },
                        {
                          "from": "R-IMPORT",
                          "to": "TSK-PARSER",
                          "type": "parent_child"
                        },
                        {
                          "from": "AC-LOSSLESS",
                          "to": "CMD-LOSSLESS",
                          "type": "parent_child"
                        }
                      ],
                      "statistics": {
                        "total_nodes": 8,
                        "total_edges": 7,
                        "orphan_nodes": [
                          "TSK-LONELY"
                        ],
                        "missing_references": []
                      }
                    }
                    """);
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** What another tool writes past Cairn's rules: found, read with a clear error, repaired where safe. */
    @Nested
    class Drift {
        private RawDatabase raw;

        @BeforeEach
        void requireRawAccess() {
            Optional<RawDatabase> database = rawDatabase();
            assumeThat(database).as("drift needs raw SQL access to the store's tables").isPresent();
            raw = database.orElseThrow();
            createPlan();
        }

        private void sql(String statement, Object... values) {
            try (Connection connection = raw.connect()) {
                raw.allowDrift(connection);
                try (PreparedStatement prepared = connection.prepareStatement(statement)) {
                    for (int index = 0; index < values.length; index++) {
                        prepared.setObject(index + 1, values[index]);
                    }
                    assertThat(prepared.executeUpdate()).as(statement).isEqualTo(1);
                }
            } catch (SQLException failure) {
                throw new AssertionError("Could not write drift with: " + statement, failure);
            }
        }

        private void writeDrift() {
            sql("UPDATE cairn_nodes SET status = ? WHERE id = ?", "In Progress", "TSK-PARSER");
            sql("UPDATE cairn_nodes SET status = ? WHERE id = ?", "done", "AC-FAST");
            sql("UPDATE cairn_nodes SET progress = ? WHERE id = ?", 140, "R-IMPORT");
            sql("UPDATE cairn_nodes SET status = ?, progress = ? WHERE id = ?", "Completed", 60, "CMD-LOSSLESS");
            sql("UPDATE cairn_nodes SET severity = ? WHERE id = ?", "med", "R-EXPORT");
            sql("INSERT INTO cairn_links (parent_id, child_id) VALUES (?, ?)", "TSK-PARSER", "GOAL-SHIP");
            sql("INSERT INTO cairn_links (parent_id, child_id) VALUES (?, ?)", "STP-GONE", "AC-LOSSLESS");
        }

        @Test
        void everyKindOfDriftIsFoundAndTheSafeOnesAreMarkedRepairable() {
            writeDrift();

            DoctorReport report = Doctor.examine(cairn);

            assertThat(kindsAndIds(report)).containsExactly(
                    tuple(Kind.UNKNOWN_VALUE, "AC-FAST", false),
                    tuple(Kind.UNKNOWN_VALUE, "CMD-LOSSLESS", true),
                    tuple(Kind.UNKNOWN_VALUE, "R-EXPORT", true),
                    tuple(Kind.UNKNOWN_VALUE, "TSK-PARSER", true),
                    tuple(Kind.PROGRESS_OUT_OF_RANGE, "R-IMPORT", true),
                    tuple(Kind.LINK_AGAINST_LAYER_ORDER, "GOAL-SHIP", false),
                    tuple(Kind.LINK_END_MISSING, "AC-LOSSLESS", false),
                    // A severity no name matches fails the reading of its node, which the shape checks need.
                    tuple(Kind.NOT_CHECKED, null, false));
            assertThat(report.findings(Kind.NOT_CHECKED).get(0).detail()).startsWith("Orphans and commands were not "
                    + "checked: Node R-EXPORT has severity 'med' in the database").endsWith("Repair the drift reported "
                    + "here, or fix it by hand, first.");
            assertThat(report.findings().subList(0, 7)).extracting(Finding::detail).containsExactly(
                    "Node AC-FAST has status 'done', which is not one of [planned, in_progress, completed, blocked, "
                            + "cancelled]. Nothing reads unambiguously from it: set it by hand.",
                    "Node CMD-LOSSLESS has status 'Completed', which is not one of [planned, in_progress, completed, "
                            + "blocked, cancelled]. It reads as 'completed', which a repair writes.",
                    "Node R-EXPORT has severity 'med', which is not one of [low, medium, high, critical]. It reads as "
                            + "'medium', which a repair writes.",
                    "Node TSK-PARSER has status 'In Progress', which is not one of [planned, in_progress, completed, "
                            + "blocked, cancelled]. It reads as 'in_progress', which a repair writes.",
                    "Node R-IMPORT has progress 140, outside 0 to 100. A repair writes '100'.",
                    "Link TSK-PARSER → GOAL-SHIP goes against the layer order (a parent's layer comes before its "
                            + "child's), which lets a cycle in. Remove it with unlink(\"TSK-PARSER\", \"GOAL-SHIP\").",
                    "Link STP-GONE → AC-LOSSLESS names a parent that does not exist.");
        }

        @Test
        void readingANodeOfAnUnknownStatusFailsNamingTheNodeAndTheDoctor() {
            writeDrift();

            assertThatThrownBy(() -> cairn.get("AC-FAST"))
                    .isInstanceOf(CairnException.class)
                    .hasMessageContaining("Node AC-FAST has status 'done'")
                    .hasMessageContaining("in_progress")
                    .hasMessageContaining("Doctor.examine(cairn)");
        }

        @Test
        void aRepairRewritesTheSafeValuesWithAnEventEachAndReportsTheRest() {
            writeDrift();
            Instant repairedAt = clock.advance(Duration.ofMinutes(5));
            long parserVersion = 1;

            DoctorReport report = Doctor.repair(cairn);

            assertThat(report.repairs()).containsExactly(
                    new Repair("CMD-LOSSLESS", "status", "Completed", "completed"),
                    new Repair("R-EXPORT", "severity", "med", "medium"),
                    new Repair("R-IMPORT", "progress", "140", "100"),
                    new Repair("TSK-PARSER", "status", "In Progress", "in_progress"),
                    new Repair("CMD-LOSSLESS", "progress", "60", "100"));
            assertThat(kindsAndIds(report)).containsExactly(
                    tuple(Kind.UNKNOWN_VALUE, "AC-FAST", false),
                    tuple(Kind.LINK_AGAINST_LAYER_ORDER, "GOAL-SHIP", false),
                    tuple(Kind.LINK_END_MISSING, "AC-LOSSLESS", false));

            Node parser = cairn.get("TSK-PARSER");
            assertThat(parser.status()).isEqualTo(Status.IN_PROGRESS);
            assertThat(parser.version()).isEqualTo(parserVersion + 1);
            assertThat(parser.updatedAt()).isEqualTo(repairedAt);
            assertThat(cairn.get("R-IMPORT").progress()).isEqualTo(100);
            assertThat(cairn.get("R-EXPORT").severity()).isEqualTo(Severity.MEDIUM);
            Node command = cairn.get("CMD-LOSSLESS");
            assertThat(command.status()).isEqualTo(Status.COMPLETED);
            assertThat(command.progress()).isEqualTo(100);
            assertThat(command.version()).isEqualTo(3);

            Event parserRepair = last(cairn.history("TSK-PARSER"));
            assertThat(parserRepair.type()).isEqualTo(EventType.UPDATED);
            assertThat(parserRepair.actor()).isEqualTo(ACTOR);
            assertThat(parserRepair.at()).isEqualTo(repairedAt);
            assertThat(parserRepair.details()).isEqualTo(Map.of(
                    "status", Map.of("from", "In Progress", "to", "in_progress"), "repairedBy", "doctor"));
            assertThat(last(cairn.history("R-IMPORT")).details()).isEqualTo(Map.of(
                    "progress", Map.of("from", 140, "to", 100), "repairedBy", "doctor"));
            assertThat(cairn.history("CMD-LOSSLESS")).extracting(Event::type, Event::details).endsWith(
                    tuple(EventType.UPDATED, Map.of("status", Map.of("from", "Completed", "to", "completed"),
                            "repairedBy", "doctor")),
                    tuple(EventType.UPDATED, Map.of("progress", Map.of("from", 60, "to", 100),
                            "repairedBy", "doctor")));
            assertThat(cairn.history("AC-FAST")).extracting(Event::type).containsExactly(EventType.CREATED,
                    EventType.LINKED);
        }

        @Test
        void commandsWhoseAcRefNamesAMissingNodeOrAnotherLayerAreFoundAndTracedAsBroken() {
            create(NodeDraft.of(Layer.COMMAND, "Prove speed").id("CMD-SPEED").parents("AC-FAST")
                    .command(CommandSpec.of("AC-FAST", "make bench")));
            // No check stops these: ac_ref has no foreign key, on purpose.
            sql("UPDATE cairn_command_specs SET ac_ref = ? WHERE node_id = ?", "AC-GONE", "CMD-LOSSLESS");
            sql("UPDATE cairn_command_specs SET ac_ref = ? WHERE node_id = ?", "TSK-PARSER", "CMD-SPEED");

            DoctorReport report = Doctor.examine(cairn);
            TraceReport trace = Traceability.of(cairn).report();

            assertThat(kindsAndIds(report)).containsExactly(
                    tuple(Kind.COMMAND_AC_MISSING, "CMD-LOSSLESS", false),
                    tuple(Kind.COMMAND_AC_NOT_ACCEPTANCE_CRITERIA, "CMD-SPEED", false));
            assertThat(report.findings()).extracting(Finding::detail).containsExactly(
                    "Command CMD-LOSSLESS verifies AC-GONE, which does not exist. Point its acRef at an "
                            + "AcceptanceCriteria node.",
                    "Command CMD-SPEED verifies TSK-PARSER, a Task node, not an AcceptanceCriteria node. Point its "
                            + "acRef at an AcceptanceCriteria node.");
            assertThat(trace.brokenCommands()).containsExactly(
                    new TraceReport.BrokenAcRef("CMD-LOSSLESS", "AC-GONE"),
                    new TraceReport.BrokenAcRef("CMD-SPEED", "TSK-PARSER"));
            // Each is still linked below its criterion, which counts it.
            assertThat(trace.criteria()).extracting(TraceReport.Criterion::commands)
                    .containsExactly(List.of("CMD-SPEED"), List.of("CMD-LOSSLESS"));
        }

        private static Event last(List<Event> events) {
            return events.get(events.size() - 1);
        }
    }
}
