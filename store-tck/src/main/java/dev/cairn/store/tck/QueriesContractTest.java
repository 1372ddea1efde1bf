package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.DeleteMode;
import dev.cairn.core.Layer;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.StatusCount;
import dev.cairn.core.WorkType;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Finding nodes: every filter, sort and page, walks up and down, roots and orphans, counts by layer and status;
 * and the walks and counts on a graph of ten thousand nodes.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class QueriesContractTest extends AbstractStoreContractTest {
    /**
     * A suite on the stores {@code fixture} makes, one for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected QueriesContractTest(StoreFixture fixture) {
        super(fixture);
    }

    /**
     * Six nodes with a distinct value in every sorted field:
     *
     * <pre>
     * GOAL-q ── PH-q1 ── TSK-q1
     *        └─ PH-q2 ──┘
     *                └── TSK-q2         TSK-q3 (no parent)
     * </pre>
     */
    @Nested
    class Queries {
        @BeforeEach
        void createNodes() {
            cairn.create(NodeDraft.of(Layer.GOAL, "Ship the release").id("GOAL-q").owner("ana")
                    .severity(Severity.HIGH).workType(WorkType.ARCHITECTURE).labels("release"));
            tick();
            cairn.create(NodeDraft.of(Layer.PHASE, "Design phase").id("PH-q1").description("Sketch the Parser")
                    .status(Status.IN_PROGRESS).progress(30).owner("ana").assignee("bo").severity(Severity.MEDIUM)
                    .workType(WorkType.SPEC).labels("parser", "design").parents("GOAL-q"));
            tick();
            cairn.create(NodeDraft.of(Layer.PHASE, "Build phase").id("PH-q2").status(Status.BLOCKED).progress(10)
                    .owner("cy").assignee("bo").severity(Severity.LOW).workType(WorkType.IMPLEMENTATION)
                    .labels("parser").parents("GOAL-q"));
            tick();
            cairn.create(NodeDraft.of(Layer.TASK, "Write tokenizer").id("TSK-q1").status(Status.COMPLETED)
                    .owner("ana").assignee("dee").severity(Severity.CRITICAL).workType(WorkType.IMPLEMENTATION)
                    .labels("parser", "urgent").parents("PH-q1", "PH-q2"));
            tick();
            cairn.create(NodeDraft.of(Layer.TASK, "Write docs").id("TSK-q2").status(Status.CANCELLED).progress(5)
                    .owner("cy").workType(WorkType.DOCS).parents("PH-q2"));
            tick();
            cairn.create(NodeDraft.of(Layer.TASK, "Orphan task").id("TSK-q3").progress(60).labels("urgent"));
            tick();
        }

        private List<String> found(NodeQuery query) {
            return ids(cairn.find(query));
        }

        @Test
        void allFindsEveryNodeSortedById() {
            assertThat(found(NodeQuery.all()))
                    .containsExactly("GOAL-q", "PH-q1", "PH-q2", "TSK-q1", "TSK-q2", "TSK-q3");
        }

        @Test
        void filtersByLayer() {
            assertThat(found(NodeQuery.layer(Layer.PHASE))).containsExactly("PH-q1", "PH-q2");
            assertThat(found(NodeQuery.layer(Layer.GOAL, Layer.TASK)))
                    .containsExactly("GOAL-q", "TSK-q1", "TSK-q2", "TSK-q3");
            assertThat(found(NodeQuery.layer(Layer.COMMAND))).isEmpty();
        }

        @Test
        void filtersByStatus() {
            assertThat(found(NodeQuery.all().status(Status.PLANNED, Status.BLOCKED)))
                    .containsExactly("GOAL-q", "PH-q2", "TSK-q3");
            assertThat(found(NodeQuery.all().status(Status.COMPLETED))).containsExactly("TSK-q1");
        }

        @Test
        void filtersByOwnerAndAssignee() {
            assertThat(found(NodeQuery.all().owner("ana"))).containsExactly("GOAL-q", "PH-q1", "TSK-q1");
            assertThat(found(NodeQuery.all().assignee("bo"))).containsExactly("PH-q1", "PH-q2");
            assertThat(found(NodeQuery.all().owner("nobody"))).isEmpty();
        }

        @Test
        void filtersBySeverityAndWorkType() {
            assertThat(found(NodeQuery.all().severity(Severity.HIGH, Severity.CRITICAL)))
                    .containsExactly("GOAL-q", "TSK-q1");
            assertThat(found(NodeQuery.all().workType(WorkType.IMPLEMENTATION))).containsExactly("PH-q2", "TSK-q1");
        }

        @Test
        void filtersByAnyOfSeveralLabels() {
            assertThat(found(NodeQuery.all().withAnyLabel("design", "urgent")))
                    .containsExactly("PH-q1", "TSK-q1", "TSK-q3");
            assertThat(found(NodeQuery.all().withAnyLabel("unknown"))).isEmpty();
        }

        @Test
        void filtersByAllOfSeveralLabels() {
            assertThat(found(NodeQuery.all().withAllLabels("parser", "urgent"))).containsExactly("TSK-q1");
            assertThat(found(NodeQuery.all().withAllLabels("parser"))).containsExactly("PH-q1", "PH-q2", "TSK-q1");
            assertThat(found(NodeQuery.all().withAllLabels("parser", "unknown"))).isEmpty();
        }

        @Test
        void filtersByTextInTitleOrDescriptionIgnoringCase() {
            assertThat(found(NodeQuery.all().text("WRITE"))).containsExactly("TSK-q1", "TSK-q2");
            assertThat(found(NodeQuery.all().text("parser"))).containsExactly("PH-q1");
            assertThat(found(NodeQuery.all().text("phase"))).containsExactly("PH-q1", "PH-q2");
            assertThat(found(NodeQuery.all().text("%"))).isEmpty();
            assertThat(found(NodeQuery.all().text("_"))).isEmpty();
        }

        /** Every store folds letters as Java does: SQLite's own lower() and PostgreSQL's collation "C" would not. */
        @Test
        void textSearchIgnoresCaseBeyondAscii() {
            cairn.create(NodeDraft.of(Layer.GOAL, "ÉTÉ À PARIS").id("GOAL-ete"));
            cairn.create(NodeDraft.of(Layer.GOAL, "Ölçek").id("GOAL-scale").description("ΣΧΈΔΙΟ ΜΕΓΈΘΟΥΣ"));

            assertThat(found(NodeQuery.all().text("été à"))).containsExactly("GOAL-ete");
            assertThat(found(NodeQuery.all().text("ÖLÇ"))).containsExactly("GOAL-scale");
            assertThat(found(NodeQuery.all().text("σχέδιο"))).containsExactly("GOAL-scale");
        }

        @Test
        void filtersByParentOrChildOfANode() {
            assertThat(found(NodeQuery.all().childOf("PH-q2"))).containsExactly("TSK-q1", "TSK-q2");
            assertThat(found(NodeQuery.all().parentOf("TSK-q1"))).containsExactly("PH-q1", "PH-q2");
            assertThat(found(NodeQuery.all().childOf("TSK-q3"))).isEmpty();
            assertThat(found(NodeQuery.all().childOf("GOAL-missing"))).isEmpty();
        }

        @Test
        void filtersNodesWithoutParents() {
            assertThat(found(NodeQuery.all().withoutParents())).containsExactly("GOAL-q", "TSK-q3");
        }

        @Test
        void everyFilterNarrowsTheResult() {
            assertThat(found(NodeQuery.layer(Layer.TASK).owner("ana").withAnyLabel("parser")))
                    .containsExactly("TSK-q1");
            assertThat(found(NodeQuery.layer(Layer.TASK).status(Status.CANCELLED).owner("ana"))).isEmpty();
            assertThat(found(NodeQuery.all().childOf("GOAL-q").assignee("bo").status(Status.BLOCKED)
                    .severity(Severity.LOW).workType(WorkType.IMPLEMENTATION).withAllLabels("parser")
                    .text("build"))).containsExactly("PH-q2");
        }

        @Test
        void sortsByTitle() {
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.TITLE)))
                    .containsExactly("PH-q2", "PH-q1", "TSK-q3", "GOAL-q", "TSK-q2", "TSK-q1");
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.TITLE).descending()))
                    .containsExactly("TSK-q1", "TSK-q2", "GOAL-q", "TSK-q3", "PH-q1", "PH-q2");
        }

        @Test
        void sortsByIdDescending() {
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.ID).descending()))
                    .containsExactly("TSK-q3", "TSK-q2", "TSK-q1", "PH-q2", "PH-q1", "GOAL-q");
        }

        @Test
        void sortsByLayerInHierarchyOrderWithTiesById() {
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.LAYER)))
                    .containsExactly("GOAL-q", "PH-q1", "PH-q2", "TSK-q1", "TSK-q2", "TSK-q3");
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.LAYER).descending()))
                    .containsExactly("TSK-q1", "TSK-q2", "TSK-q3", "PH-q1", "PH-q2", "GOAL-q");
        }

        @Test
        void sortsByStatusInLifeCycleOrderWithTiesById() {
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.STATUS)))
                    .containsExactly("GOAL-q", "TSK-q3", "PH-q1", "TSK-q1", "PH-q2", "TSK-q2");
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.STATUS).descending()))
                    .containsExactly("TSK-q2", "PH-q2", "TSK-q1", "PH-q1", "GOAL-q", "TSK-q3");
        }

        @Test
        void sortsByProgress() {
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.PROGRESS)))
                    .containsExactly("GOAL-q", "TSK-q2", "PH-q2", "PH-q1", "TSK-q3", "TSK-q1");
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.PROGRESS).descending()))
                    .containsExactly("TSK-q1", "TSK-q3", "PH-q1", "PH-q2", "TSK-q2", "GOAL-q");
        }

        @Test
        void sortsByCreationTime() {
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.CREATED_AT)))
                    .containsExactly("GOAL-q", "PH-q1", "PH-q2", "TSK-q1", "TSK-q2", "TSK-q3");
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.CREATED_AT).descending()))
                    .containsExactly("TSK-q3", "TSK-q2", "TSK-q1", "PH-q2", "PH-q1", "GOAL-q");
        }

        @Test
        void sortsByUpdateTime() {
            cairn.setProgress("TSK-q2", 6);
            tick();
            cairn.setProgress("GOAL-q", 1);

            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.UPDATED_AT)))
                    .containsExactly("PH-q1", "PH-q2", "TSK-q1", "TSK-q3", "TSK-q2", "GOAL-q");
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.UPDATED_AT).descending()))
                    .containsExactly("GOAL-q", "TSK-q2", "TSK-q3", "TSK-q1", "PH-q2", "PH-q1");
        }

        @Test
        void pagesWithOffsetAndLimit() {
            NodeQuery byId = NodeQuery.all();

            assertThat(found(byId.limit(2))).containsExactly("GOAL-q", "PH-q1");
            assertThat(found(byId.offset(2).limit(2))).containsExactly("PH-q2", "TSK-q1");
            assertThat(found(byId.offset(4).limit(10))).containsExactly("TSK-q2", "TSK-q3");
            assertThat(found(byId.offset(6))).isEmpty();
            assertThat(found(byId.offset(100).limit(1))).isEmpty();
            assertThat(found(NodeQuery.all().sortBy(NodeQuery.Sort.PROGRESS).descending().offset(1).limit(2)))
                    .containsExactly("TSK-q3", "PH-q1");
        }

        @Test
        void countIgnoresThePage() {
            assertThat(cairn.count(NodeQuery.all())).isEqualTo(6);
            assertThat(cairn.count(NodeQuery.all().offset(4).limit(1))).isEqualTo(6);
            assertThat(cairn.count(NodeQuery.layer(Layer.TASK).limit(1))).isEqualTo(3);
            assertThat(cairn.count(NodeQuery.all().withAnyLabel("parser").owner("ana"))).isEqualTo(2);
        }

        @Test
        void childrenAndParents() {
            assertThat(ids(cairn.children("GOAL-q"))).containsExactly("PH-q1", "PH-q2");
            assertThat(ids(cairn.children("TSK-q1"))).isEmpty();
            assertThat(ids(cairn.parents("TSK-q1"))).containsExactly("PH-q1", "PH-q2");
            assertThat(ids(cairn.parents("GOAL-q"))).isEmpty();
        }

        @Test
        void descendantsListEachNodeBelowOnce() {
            assertThat(ids(cairn.descendants("GOAL-q")))
                    .containsExactlyInAnyOrder("PH-q1", "PH-q2", "TSK-q1", "TSK-q2");
            assertThat(ids(cairn.descendants("PH-q1"))).containsExactly("TSK-q1");
            assertThat(cairn.descendants("TSK-q3")).isEmpty();
        }

        @Test
        void ancestorsListEachNodeAboveOnce() {
            assertThat(ids(cairn.ancestors("TSK-q1"))).containsExactlyInAnyOrder("PH-q1", "PH-q2", "GOAL-q");
            assertThat(cairn.ancestors("GOAL-q")).isEmpty();
            assertThat(cairn.ancestors("TSK-q3")).isEmpty();
        }

        @Test
        void walksFromAMissingNodeFail() {
            assertThatThrownBy(() -> cairn.children("TSK-missing")).isExactlyInstanceOf(NoSuchNodeException.class);
            assertThatThrownBy(() -> cairn.parents("TSK-missing")).isExactlyInstanceOf(NoSuchNodeException.class);
            assertThatThrownBy(() -> cairn.descendants("TSK-missing"))
                    .isExactlyInstanceOf(NoSuchNodeException.class);
            assertThatThrownBy(() -> cairn.ancestors("TSK-missing")).isExactlyInstanceOf(NoSuchNodeException.class);
            assertThatThrownBy(() -> cairn.tree("TSK-missing")).isExactlyInstanceOf(NoSuchNodeException.class);
        }

        @Test
        void rootsAreTheNodesWithoutAParentAndOrphansThoseBelowGoal() {
            assertThat(ids(cairn.roots())).containsExactly("GOAL-q", "TSK-q3");
            assertThat(ids(cairn.orphans())).containsExactly("TSK-q3");
        }

        @Test
        void findByIdIsEmptyForAnUnknownId() {
            assertThat(cairn.findById("TSK-nope")).isEmpty();
            assertThat(cairn.findById("not an id")).isEmpty();
            assertThatThrownBy(() -> cairn.get("TSK-nope")).isExactlyInstanceOf(NoSuchNodeException.class)
                    .hasMessageContaining("TSK-nope");
        }

        @Test
        void countsByLayerAndStatusLeaveOutEmptyCombinations() {
            assertThat(cairn.countByLayerAndStatus()).containsExactlyInAnyOrder(
                    new StatusCount(Layer.GOAL, Status.PLANNED, 1),
                    new StatusCount(Layer.PHASE, Status.IN_PROGRESS, 1),
                    new StatusCount(Layer.PHASE, Status.BLOCKED, 1),
                    new StatusCount(Layer.TASK, Status.COMPLETED, 1),
                    new StatusCount(Layer.TASK, Status.CANCELLED, 1),
                    new StatusCount(Layer.TASK, Status.PLANNED, 1));
        }

        @Test
        void countsFollowChangesAndDeletes() {
            cairn.setStatus("TSK-q3", Status.IN_PROGRESS);
            cairn.delete("TSK-q2");
            create(Layer.TASK, "TSK-q4");

            assertThat(cairn.countByLayerAndStatus())
                    .filteredOn(count -> count.layer() == Layer.TASK)
                    .containsExactlyInAnyOrder(
                            new StatusCount(Layer.TASK, Status.COMPLETED, 1),
                            new StatusCount(Layer.TASK, Status.IN_PROGRESS, 1),
                            new StatusCount(Layer.TASK, Status.PLANNED, 1));
        }

        @Test
        void findSeesLabelChanges() {
            cairn.label("TSK-q2", "urgent");
            cairn.unlabel("TSK-q1", "urgent");

            assertThat(found(NodeQuery.all().withAnyLabel("urgent"))).containsExactly("TSK-q2", "TSK-q3");
        }
    }

    /**
     * A wide graph of 10,111 nodes: a goal, 10 phases, 100 steps, 1,000 tasks and 9,000 commands, each
     * below one parent of the layer above.
     */
    @Nested
    class LargeGraphs {
        private static final int PHASES = 10;
        private static final int STEPS = 10;
        private static final int TASKS = 10;
        private static final int COMMANDS = 9;

        @BeforeEach
        void buildGraph() {
            cairn.useTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.GOAL, "Root").id("GOAL-root"));
                for (int phase = 0; phase < PHASES; phase++) {
                    String phaseId = "PH-" + phase;
                    graph.create(NodeDraft.of(Layer.PHASE, "Phase " + phase).id(phaseId).parents("GOAL-root"));
                    for (int step = 0; step < STEPS; step++) {
                        String stepId = "STP-" + phase + "-" + step;
                        graph.create(NodeDraft.of(Layer.STEP, "Step").id(stepId).parents(phaseId));
                        for (int task = 0; task < TASKS; task++) {
                            String taskId = "TSK-" + phase + "-" + step + "-" + task;
                            graph.create(NodeDraft.of(Layer.TASK, "Task").id(taskId).parents(stepId)
                                    .progress(task * 10));
                            for (int command = 0; command < COMMANDS; command++) {
                                graph.create(NodeDraft.of(Layer.COMMAND, "Command")
                                        .id("CMD-" + phase + "-" + step + "-" + task + "-" + command)
                                        .parents(taskId));
                            }
                        }
                    }
                }
            });
        }

        @Test
        void holdsMoreThanTenThousandNodes() {
            assertThat(cairn.count(NodeQuery.all())).isEqualTo(10_111);
            assertThat(cairn.count(NodeQuery.layer(Layer.COMMAND))).isEqualTo(9_000);
            assertThat(cairn.links()).hasSize(10_110);
        }

        @Test
        void descendantsOfTheRootAreEveryOtherNodeOnce() {
            List<Node> below = cairn.descendants("GOAL-root");

            assertThat(below).hasSize(10_110);
            assertThat(new HashSet<>(ids(below))).hasSize(10_110).doesNotContain("GOAL-root");
        }

        @Test
        void descendantsOfAMiddleNodeAreItsSubtree() {
            assertThat(cairn.descendants("PH-3")).hasSize(10 + 100 + 900)
                    .allSatisfy(node -> assertThat(node.id()).matches("[A-Z]+-3-.*"));
            assertThat(cairn.descendants("TSK-9-9-9")).hasSize(9);
        }

        @Test
        void ancestorsOfANodeBelowEveryTaskAreEveryNodeAboveTheCommands() {
            List<String> tasks = ids(cairn.find(NodeQuery.layer(Layer.TASK)));
            cairn.create(NodeDraft.of(Layer.COMMAND, "Below every task").id("CMD-everywhere").parents(tasks));

            List<Node> above = cairn.ancestors("CMD-everywhere");

            assertThat(above).hasSize(1 + 10 + 100 + 1_000);
            assertThat(new HashSet<>(ids(above))).hasSize(1_111);
            assertThat(ids(cairn.ancestors("CMD-4-4-4-4")))
                    .containsExactlyInAnyOrder("TSK-4-4-4", "STP-4-4", "PH-4", "GOAL-root");
        }

        @Test
        void rollsUpOverTheWholeGraph() {
            assertThat(cairn.rolledUpProgress("GOAL-root")).isEqualTo(0.0);

            cairn.useTransaction(graph -> {
                for (Node command : graph.find(NodeQuery.all().childOf("TSK-0-0-0"))) {
                    graph.setProgress(command.id(), 90);
                }
            });

            assertThat(cairn.rolledUpProgress("TSK-0-0-0")).isEqualTo(90.0);
            assertThat(cairn.rolledUpProgress("STP-0-0")).isEqualTo(9.0);
            assertThat(cairn.tree("GOAL-root").children()).hasSize(10);
        }

        @Test
        void cascadeDeletesASubtree() {
            List<String> deleted = cairn.delete("STP-7-7", DeleteMode.CASCADE);

            assertThat(deleted).hasSize(1 + 10 + 90);
            assertThat(cairn.count(NodeQuery.all())).isEqualTo(10_111 - 101);
        }
    }
}
