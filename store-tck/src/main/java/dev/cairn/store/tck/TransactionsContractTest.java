package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.InvalidLinkException;
import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodePatch;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.RunSpec;
import dev.cairn.core.Severity;
import dev.cairn.core.Status;
import dev.cairn.core.WorkType;
import dev.cairn.core.spi.StoreCapability;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Units of work, all or nothing, that see their own writes; and, on a {@link StoreCapability#PERSISTENT} store,
 * everything kept across closing and reopening it.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class TransactionsContractTest extends AbstractStoreContractTest {
    /**
     * A suite on the stores {@code fixture} makes, one for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected TransactionsContractTest(StoreFixture fixture) {
        super(fixture);
    }

    @Nested
    class Transactions {
        @Test
        void aTransactionThatReturnsKeepsEverythingAndReturnsTheResult() {
            String id = cairn.inTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.GOAL, "Goal").id("GOAL-1"));
                Node task = graph.create(NodeDraft.of(Layer.TASK, "Task").parents("GOAL-1").labels("x"));
                graph.setStatus(task.id(), Status.IN_PROGRESS);
                return task.id();
            });

            assertThat(cairn.get(id).status()).isEqualTo(Status.IN_PROGRESS);
            assertThat(cairn.links()).containsExactly(new Link("GOAL-1", id));
            assertThat(cairn.history(id)).extracting(Event::type)
                    .contains(EventType.CREATED, EventType.LINKED, EventType.STATUS_CHANGED);
        }

        @Test
        void aTransactionThatThrowsLeavesNothingBehindAndRethrowsTheSameException() {
            create(Layer.GOAL, "GOAL-1");
            cairn.create(NodeDraft.of(Layer.PHASE, "Phase").id("PH-1").parents("GOAL-1").labels("old"));
            create(Layer.TASK, "TSK-doomed", "PH-1");
            cairn.defineLabel("defined", "before");
            Snapshot before = snapshot(cairn);
            IllegalStateException failure = new IllegalStateException("changed my mind");

            Throwable thrown = catchThrowable(() -> cairn.useTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.GOAL, "New goal").id("GOAL-2").labels("brand-new"));
                graph.create(NodeDraft.of(Layer.TASK, "New task").id("TSK-new").parents("GOAL-1", "GOAL-2"));
                graph.link("GOAL-2", "PH-1");
                graph.unlink("GOAL-1", "PH-1");
                graph.label("PH-1", "added");
                graph.unlabel("PH-1", "old");
                graph.defineLabel("defined", "after");
                graph.defineLabel("other", "new label");
                graph.update("PH-1", NodePatch.create().title("Changed").customField("k", 1));
                graph.setStatus("PH-1", Status.IN_PROGRESS);
                graph.delete("TSK-doomed");
                throw failure;
            }));

            assertThat(thrown).isSameAs(failure);
            assertThat(snapshot(cairn)).isEqualTo(before);
            assertThat(cairn.findById("GOAL-2")).isEmpty();
            assertThat(cairn.findById("TSK-doomed")).isPresent();
            assertThat(cairn.labels()).containsExactly(new Label("defined", "before"), new Label("old", null));
        }

        @Test
        void aRuleBrokenInsideATransactionUndoesTheEarlierChanges() {
            create(Layer.GOAL, "GOAL-1");
            Snapshot before = snapshot(cairn);

            assertThatThrownBy(() -> cairn.useTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.TASK, "Task").id("TSK-1").parents("GOAL-1"));
                graph.link("TSK-1", "GOAL-1");
            })).isExactlyInstanceOf(InvalidLinkException.class);

            assertThat(snapshot(cairn)).isEqualTo(before);
        }

        @Test
        void workAfterARolledBackTransactionWorks() {
            catchThrowable(() -> cairn.useTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.TASK, "Task").id("TSK-1"));
                throw new IllegalStateException("no");
            }));

            Node created = create(Layer.TASK, "TSK-1");

            assertThat(cairn.get("TSK-1")).isEqualTo(created);
            assertThat(cairn.history("TSK-1")).hasSize(1);
        }

        @Test
        void readsInsideATransactionSeeItsOwnWrites() {
            cairn.useTransaction(graph -> {
                graph.create(NodeDraft.of(Layer.GOAL, "Goal").id("GOAL-1"));
                graph.create(NodeDraft.of(Layer.TASK, "Task").id("TSK-1").parents("GOAL-1").labels("x"));
                graph.setProgress("TSK-1", 40);

                assertThat(graph.get("TSK-1").progress()).isEqualTo(40);
                assertThat(graph.findById("GOAL-1")).isPresent();
                assertThat(ids(graph.find(NodeQuery.all().withAnyLabel("x")))).containsExactly("TSK-1");
                assertThat(graph.count(NodeQuery.all())).isEqualTo(2);
                assertThat(ids(graph.children("GOAL-1"))).containsExactly("TSK-1");
                assertThat(ids(graph.descendants("GOAL-1"))).containsExactly("TSK-1");
                assertThat(ids(graph.ancestors("TSK-1"))).containsExactly("GOAL-1");
                assertThat(graph.links()).containsExactly(new Link("GOAL-1", "TSK-1"));
                assertThat(graph.labels()).extracting(Label::name).containsExactly("x");
                assertThat(graph.history("TSK-1")).hasSize(3);
                assertThat(graph.rolledUpProgress("GOAL-1")).isEqualTo(40.0);

                graph.delete("TSK-1");
                assertThat(graph.findById("TSK-1")).isEmpty();
                assertThat(graph.children("GOAL-1")).isEmpty();
            });
        }

        @Test
        void aTransactionCanReturnNothing() {
            cairn.useTransaction(graph -> graph.create(NodeDraft.of(Layer.TASK, "Task").id("TSK-1")));

            assertThat(cairn.findById("TSK-1")).isPresent();
        }
    }

    @Nested
    class Persistence {
        @BeforeEach
        void requirePersistentStore() {
            assumeThat(capabilities()).as("the store declares PERSISTENT").contains(StoreCapability.PERSISTENT);
        }

        @Test
        void everythingSurvivesReopening() {
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1");
            cairn.create(NodeDraft.of(Layer.GOAL, "Goal").id("GOAL-1").description("Why").owner("ana")
                    .severity(Severity.MEDIUM).workType(WorkType.DOCS).labels("a", "b")
                    .customField("meta", Map.of("n", 1, "list", List.of("x", true))));
            cairn.create(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-1").parents("GOAL-1", "AC-1")
                    .command(new CommandSpec("AC-1", new RunSpec("make", "dir", Map.of("K", "v")), List.of("o"))));
            cairn.setStatus("CMD-1", Status.IN_PROGRESS);
            cairn.defineLabel("a", "The a label");
            Snapshot before = snapshot(cairn);
            cairn.close();

            store = reopen(store);
            cairn = over(store);

            assertThat(snapshot(cairn)).isEqualTo(before);
            Node next = cairn.setStatus("CMD-1", Status.COMPLETED);
            assertThat(next.version()).isEqualTo(3);
            List<Event> events = cairn.events(0, Integer.MAX_VALUE);
            assertThat(events).startsWith(before.events().toArray(Event[]::new))
                    .hasSizeGreaterThan(before.events().size())
                    .extracting(Event::sequence).isSorted().doesNotHaveDuplicates();
        }
    }
}
