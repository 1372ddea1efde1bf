package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cairn.core.Batch;
import dev.cairn.core.BatchResult;
import dev.cairn.core.Cairn;
import dev.cairn.core.CairnException;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.DuplicateNodeException;
import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.InvalidLinkException;
import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.RunSpec;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.ValidationException;
import dev.cairn.core.WorkType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link Cairn#batch}: the same nodes, links and events as single creates and links, all or nothing, across the
 * chunks a store writes.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class BatchesContractTest extends AbstractStoreContractTest {
    /**
     * A suite on the stores {@code fixture} makes, one for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected BatchesContractTest(StoreFixture fixture) {
        super(fixture);
    }

    /**
     * {@link Cairn#batch}: the same rules, the same nodes and the same events as single creates and links,
     * all or nothing, in chunks the store writes as it can. The chunk is 1,000 nodes and links; tests that
     * write more than that cross chunk boundaries, where what an earlier chunk wrote is found in the store.
     */
    @Nested
    class Batches {
        /** More nodes than one chunk holds, so that a batch of them has written a chunk before it goes on. */
        private static final int PAST_ONE_CHUNK = 1_500;

        @BeforeEach
        void createGraph() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");
        }

        /** Adds {@code count} tasks below GOAL-1, with ids {@code TSK-<tail><i>}. */
        private void addTasks(Batch batch, String tail, int count) {
            for (int i = 0; i < count; i++) {
                batch.add(NodeDraft.of(Layer.TASK, "Task " + i).id("TSK-" + tail + i).parents("GOAL-1"));
            }
        }

        /** Asserts that {@code call} fails with exactly {@code type} and leaves the store as it found it. */
        private void assertBatchFails(ThrowingCallable call, Class<? extends CairnException> type) {
            Snapshot before = snapshot(cairn);

            assertThatThrownBy(call).isExactlyInstanceOf(type).hasMessageNotContaining("SQL");

            assertThat(snapshot(cairn)).isEqualTo(before);
        }

        /** A few drafts of every kind, each id ending in {@code tail}; the command verifies AC-1. */
        private List<NodeDraft> drafts(String tail) {
            return List.of(
                    NodeDraft.of(Layer.PHASE, "Phase").id("PH-" + tail).parents("GOAL-1").labels("batch", "phase"),
                    NodeDraft.of(Layer.TASK, "Task").id("TSK-" + tail).parents("PH-" + tail).description("Why")
                            .owner("ana").assignee("bo").severity(Severity.HIGH).workType(WorkType.TEST)
                            .customField("meta", Map.of("n", 1, "list", List.of("x", true))),
                    NodeDraft.of(Layer.TASK, "Done").id("TSK-done" + tail).parents("GOAL-1", "PH-" + tail)
                            .status(Status.COMPLETED).createdAt(START.minus(Duration.ofDays(3)))
                            .startedAt(START.minus(Duration.ofDays(2))).completedAt(START.minus(Duration.ofDays(1))),
                    NodeDraft.of(Layer.TASK, "Started").id("TSK-started" + tail).status(Status.IN_PROGRESS),
                    NodeDraft.of(Layer.COMMAND, "Run").id("CMD-" + tail).parents("TSK-" + tail)
                            .command(new CommandSpec("AC-1", new RunSpec("make test", "dir", Map.of("K", "v")),
                                    List.of("out.txt"))));
        }

        /** What a node is, its id aside, so that nodes made under two ids compare. */
        private List<Object> withoutId(Node node) {
            return Arrays.asList(node.layer(), node.title(), node.description(), node.status(), node.progress(),
                    node.owner(), node.assignee(), node.severity(), node.workType(), node.labels(), node.startedAt(),
                    node.completedAt(), node.createdAt(), node.updatedAt(), node.version(), node.customFields(),
                    node.command());
        }

        /** {@code count} events after {@code afterSequence}, sequence left out and {@code tail} made {@code #}. */
        private List<List<Object>> trail(long afterSequence, int count, String tail) {
            return cairn.events(afterSequence, count).stream()
                    .map(event -> Arrays.<Object>asList(event.nodeId().replace(tail, "#"), event.type(), event.at(),
                            event.actor(), event.details().toString().replace(tail, "#")))
                    .toList();
        }

        private long lastSequence() {
            List<Event> events = cairn.events(0, Integer.MAX_VALUE);
            return events.get(events.size() - 1).sequence();
        }

        @Test
        void aBatchWritesTheNodesLinksAndEventsThatCreateAndLinkWrite() {
            tick();
            long beforeBatch = lastSequence();
            BatchResult result = cairn.batch(batch -> {
                drafts("_b").forEach(batch::add);
                batch.link("GOAL-1", "TSK-started_b");
            });
            long beforeSingles = lastSequence();
            drafts("_s").forEach(cairn::create);
            cairn.link("GOAL-1", "TSK-started_s");

            assertThat(result).isEqualTo(new BatchResult(5, 6, 11));
            assertThat(beforeSingles - beforeBatch).isEqualTo(11);
            for (String id : List.of("PH-", "TSK-", "TSK-done", "TSK-started", "CMD-")) {
                assertThat(withoutId(cairn.get(id + "_b"))).as(id).isEqualTo(withoutId(cairn.get(id + "_s")));
                assertThat(ids(cairn.parents(id + "_b"))).as(id)
                        .isEqualTo(ids(cairn.parents(id + "_s")).stream().map(parent -> parent.replace("_s", "_b"))
                                .toList());
            }
            assertThat(cairn.labels()).extracting(Label::name).contains("batch", "phase");
            assertThat(trail(beforeBatch, 11, "_b")).hasSize(11).isEqualTo(trail(beforeSingles, 11, "_s"));
        }

        @Test
        void aBatchLargerThanAChunkWritesEverythingInOrder() {
            BatchResult result = cairn.batch(batch -> {
                for (int i = 0; i < 1_250; i++) {
                    batch.add(NodeDraft.of(Layer.TASK, "Task " + i).id("TSK-n" + i).parents("GOAL-1"));
                }
                for (int i = 0; i < 1_250; i++) {
                    // Parents written by earlier chunks, found in the store.
                    batch.add(NodeDraft.of(Layer.SUB_TASK, "Sub " + i).id("SUB-n" + i).parents("TSK-n" + i)
                            .labels("sub"));
                }
            });

            assertThat(result).isEqualTo(new BatchResult(2_500, 2_500, 5_000));
            assertThat(cairn.count(NodeQuery.all())).isEqualTo(2_503);
            assertThat(cairn.count(NodeQuery.all().withAnyLabel("sub"))).isEqualTo(1_250);
            assertThat(cairn.descendants("GOAL-1")).hasSize(2_501);
            assertThat(ids(cairn.parents("SUB-n1249"))).containsExactly("TSK-n1249");
            assertThat(cairn.history("SUB-n1249")).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.LINKED);
            List<Event> events = cairn.events(0, Integer.MAX_VALUE);
            assertThat(events).hasSize(3 + 1 + 5_000).extracting(Event::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(events.get(events.size() - 1).nodeId()).isEqualTo("SUB-n1249");
        }

        @Test
        void aBatchReturnsTheIdsItGenerates() {
            List<String> added = new ArrayList<>();

            cairn.batch(batch -> {
                String phase = batch.add(NodeDraft.of(Layer.PHASE, "Phase").parents("GOAL-1"));
                added.add(phase);
                added.add(batch.add(NodeDraft.of(Layer.TASK, "Task").parents(phase)));
            });

            assertThat(added).hasSize(2).allSatisfy(id -> assertThat(cairn.findById(id)).isPresent());
            assertThat(added.get(0)).matches("PH-[0-9A-F]{12}");
            assertThat(ids(cairn.children(added.get(0)))).containsExactly(added.get(1));
        }

        @Test
        void anEmptyBatchWritesNothing() {
            Snapshot before = snapshot(cairn);

            assertThat(cairn.batch(batch -> { })).isEqualTo(new BatchResult(0, 0, 0));

            assertThat(snapshot(cairn)).isEqualTo(before);
        }

        @Test
        void aCommandMayVerifyAcceptanceCriteriaAddedEarlierInTheBatch() {
            cairn.batch(batch -> {
                batch.add(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "Near").id("AC-near"));
                batch.add(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-near").command(CommandSpec.of("AC-near", "make")));
                batch.add(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "Far").id("AC-far"));
                addTasks(batch, "between", PAST_ONE_CHUNK);
                batch.add(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-far").command(CommandSpec.of("AC-far", "make")));
                batch.add(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-old").command(CommandSpec.of("AC-1", "make")));
            });

            assertThat(cairn.get("CMD-near").command()).isEqualTo(CommandSpec.of("AC-near", "make"));
            assertThat(cairn.get("CMD-far").command()).isEqualTo(CommandSpec.of("AC-far", "make"));
            assertThat(cairn.get("CMD-old").command()).isEqualTo(CommandSpec.of("AC-1", "make"));
            assertThatThrownBy(() -> cairn.delete("AC-far")).isExactlyInstanceOf(InvalidLinkException.class)
                    .hasMessageContaining("CMD-far");
        }

        @Test
        void anInvalidDraftFailsTheWholeBatch() {
            assertBatchFails(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.add(NodeDraft.of(Layer.TASK, " "));
            }), ValidationException.class);
            assertBatchFails(() -> cairn.batch(batch -> batch.add(NodeDraft.of(Layer.TASK, "Task").id("GOAL-2"))),
                    ValidationException.class);
        }

        @Test
        void anIdInTheStoreFailsTheWholeBatch() {
            assertBatchFails(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.add(NodeDraft.of(Layer.TASK, "Again").id("TSK-1"));
            }), DuplicateNodeException.class);
            assertThatThrownBy(() -> cairn.batch(batch -> batch.add(NodeDraft.of(Layer.TASK, "Again").id("TSK-1"))))
                    .isExactlyInstanceOf(DuplicateNodeException.class).hasMessageContaining("TSK-1");
        }

        @Test
        void anIdAddedTwiceFailsTheWholeBatch() {
            assertBatchFails(() -> cairn.batch(batch -> {
                batch.add(NodeDraft.of(Layer.TASK, "Once").id("TSK-2"));
                batch.add(NodeDraft.of(Layer.TASK, "Twice").id("TSK-2"));
            }), DuplicateNodeException.class);
            // The first written by an earlier chunk.
            assertBatchFails(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.add(NodeDraft.of(Layer.TASK, "Twice").id("TSK-x0"));
            }), DuplicateNodeException.class);
        }

        @Test
        void aLinkToANodeThatIsNowhereFailsTheWholeBatch() {
            assertBatchFails(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.link("GOAL-1", "TSK-none");
            }), NoSuchNodeException.class);
            assertBatchFails(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.add(NodeDraft.of(Layer.SUB_TASK, "Orphan").id("SUB-1").parents("TSK-none"));
            }), NoSuchNodeException.class);
            assertBatchFails(() -> cairn.batch(batch -> batch.link("no id", "TSK-1")), NoSuchNodeException.class);
            // An end must come before the link, as with single calls.
            assertBatchFails(() -> cairn.batch(batch -> {
                batch.link("GOAL-1", "TSK-later");
                batch.add(NodeDraft.of(Layer.TASK, "Later").id("TSK-later"));
            }), NoSuchNodeException.class);
        }

        @Test
        void aLinkAgainstTheLayerOrderFailsTheWholeBatch() {
            assertBatchFails(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.link("TSK-x7", "GOAL-1");
            }), InvalidLinkException.class);
            assertBatchFails(() -> cairn.batch(batch ->
                    batch.add(NodeDraft.of(Layer.GOAL, "Under a task").id("GOAL-2").parents("TSK-1"))),
                    InvalidLinkException.class);
            assertBatchFails(() -> cairn.batch(batch -> batch.link("TSK-1", "TSK-1")), InvalidLinkException.class);
        }

        @Test
        void aLinkThatExistsFailsTheWholeBatch() {
            assertBatchFails(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.link("GOAL-1", "TSK-1");
            }), InvalidLinkException.class);
            assertBatchFails(() -> cairn.batch(batch -> {
                batch.link("AC-1", "TSK-1");
                batch.link("AC-1", "TSK-1");
            }), InvalidLinkException.class);
            assertBatchFails(() -> cairn.batch(batch -> {
                batch.link("AC-1", "TSK-1");
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.link("AC-1", "TSK-1");
            }), InvalidLinkException.class);
        }

        @Test
        void aCommandVerifyingNothingFailsTheWholeBatch() {
            assertBatchFails(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                batch.add(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-1").command(CommandSpec.of("AC-none", "make")));
            }), ValidationException.class);
            // The criteria must come first, as with single creates.
            assertBatchFails(() -> cairn.batch(batch -> {
                batch.add(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-1").command(CommandSpec.of("AC-2", "make")));
                batch.add(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "Later").id("AC-2"));
            }), ValidationException.class);
        }

        @Test
        void workThatThrowsFailsTheWholeBatchWithItsException() {
            Snapshot before = snapshot(cairn);
            IllegalStateException failure = new IllegalStateException("changed my mind");

            Throwable thrown = catchThrowable(() -> cairn.batch(batch -> {
                addTasks(batch, "x", PAST_ONE_CHUNK);
                throw failure;
            }));

            assertThat(thrown).isSameAs(failure);
            assertThat(snapshot(cairn)).isEqualTo(before);
        }

        @Test
        void aBatchInATransactionIsSeenByItAndRolledBackWithIt() {
            Snapshot before = snapshot(cairn);

            assertThatThrownBy(() -> cairn.useTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.TASK, "Before").id("TSK-before"));
                graph.batch(batch -> addTasks(batch, "x", PAST_ONE_CHUNK));
                assertThat(graph.get("TSK-x1499").title()).isEqualTo("Task 1499");
                assertThat(graph.count(NodeQuery.all())).isEqualTo(3 + 1 + PAST_ONE_CHUNK);
                cairn.batch(batch -> addTasks(batch, "y", 10));
                throw new IllegalStateException("roll it all back");
            })).hasMessage("roll it all back");

            assertThat(snapshot(cairn)).isEqualTo(before);
        }

        @Test
        void aFailedBatchInATransactionUndoesOnlyItself() {
            cairn.useTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.TASK, "Kept").id("TSK-kept"));
                assertThatThrownBy(() -> graph.batch(batch -> {
                    addTasks(batch, "x", PAST_ONE_CHUNK);
                    batch.add(NodeDraft.of(Layer.TASK, "Again").id("TSK-1"));
                })).isExactlyInstanceOf(DuplicateNodeException.class);
                graph.create(NodeDraft.of(Layer.TASK, "After").id("TSK-after").parents("GOAL-1"));
            });

            assertThat(cairn.findById("TSK-kept")).isPresent();
            assertThat(cairn.findById("TSK-after")).isPresent();
            assertThat(cairn.findById("TSK-x0")).isEmpty();
            assertThat(cairn.count(NodeQuery.all())).isEqualTo(5);
            assertThat(cairn.history("TSK-x0")).isEmpty();
        }

        @Test
        void aBatchIsUsableOnlyWhileItsWorkRuns() {
            List<Batch> kept = new ArrayList<>();
            cairn.batch(kept::add);

            assertThatThrownBy(() -> kept.get(0).add(NodeDraft.of(Layer.TASK, "Late")))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
