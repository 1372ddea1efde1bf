package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.DeleteMode;
import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.InvalidLinkException;
import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeHasChildrenException;
import dev.cairn.core.NodeQuery;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Deleting nodes: refused while a node has children unless the caller cascades or detaches, refused for
 * acceptance criteria a Command verifies; the events of a deleted node stay.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class DeleteContractTest extends AbstractStoreContractTest {
    /**
     * A suite on the stores {@code fixture} makes, one for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected DeleteContractTest(StoreFixture fixture) {
        super(fixture);
    }

    @Nested
    class Delete {
        @Test
        void deletesANodeWithoutChildren() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");

            assertThat(cairn.delete("TSK-1")).containsExactly("TSK-1");

            assertThat(cairn.findById("TSK-1")).isEmpty();
            assertThat(cairn.children("GOAL-1")).isEmpty();
            assertThat(cairn.links()).isEmpty();
        }

        @Test
        void deleteOfAMissingNodeFails() {
            assertThatThrownBy(() -> cairn.delete("TSK-missing"))
                    .isExactlyInstanceOf(NoSuchNodeException.class);
        }

        @Test
        void refusesANodeWithChildrenAndDeletesNothing() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");
            Snapshot before = snapshot(cairn);

            assertThatThrownBy(() -> cairn.delete("GOAL-1"))
                    .isExactlyInstanceOf(NodeHasChildrenException.class)
                    .hasMessageContaining("TSK-1").hasMessageContaining("CASCADE").hasMessageContaining("DETACH");
            assertThatThrownBy(() -> cairn.delete("GOAL-1", DeleteMode.REFUSE))
                    .isExactlyInstanceOf(NodeHasChildrenException.class);
            assertThat(snapshot(cairn)).isEqualTo(before);
        }

        @Test
        void cascadeDeletesTheNodeAndEverythingLeftWithoutAParent() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.PHASE, "PH-1", "GOAL-1");
            create(Layer.TASK, "TSK-1", "PH-1");
            create(Layer.TASK, "TSK-2", "PH-1");
            create(Layer.COMMAND, "CMD-1", "TSK-1", "TSK-2");
            create(Layer.GOAL, "GOAL-other");

            List<String> deleted = cairn.delete("GOAL-1", DeleteMode.CASCADE);

            assertThat(deleted).first().isEqualTo("GOAL-1");
            assertThat(deleted).containsExactlyInAnyOrder("GOAL-1", "PH-1", "TSK-1", "TSK-2", "CMD-1");
            assertThat(ids(cairn.find(NodeQuery.all()))).containsExactly("GOAL-other");
            assertThat(cairn.links()).isEmpty();
        }

        /** A leaf has nothing below it to walk: the modes for children must still delete it. */
        @ParameterizedTest
        @EnumSource(names = {"CASCADE", "DETACH"})
        void cascadeOrDetachOfANodeWithoutChildrenDeletesJustIt(DeleteMode mode) {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");

            List<String> deleted = cairn.delete("TSK-1", mode);

            assertThat(deleted).containsExactly("TSK-1");
            assertThat(ids(cairn.find(NodeQuery.all()))).containsExactly("GOAL-1");
            assertThat(cairn.links()).isEmpty();
        }

        @Test
        void cascadeKeepsAChildThatHasAnotherParentAndWhatIsBelowIt() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.GOAL, "GOAL-2");
            create(Layer.PHASE, "PH-only", "GOAL-1");
            create(Layer.PHASE, "PH-shared", "GOAL-1", "GOAL-2");
            create(Layer.TASK, "TSK-under-shared", "PH-shared");
            create(Layer.TASK, "TSK-both", "PH-only", "PH-shared");
            create(Layer.TASK, "TSK-under-only", "PH-only");

            List<String> deleted = cairn.delete("GOAL-1", DeleteMode.CASCADE);

            assertThat(deleted).containsExactlyInAnyOrder("GOAL-1", "PH-only", "TSK-under-only");
            assertThat(ids(cairn.find(NodeQuery.all())))
                    .containsExactly("GOAL-2", "PH-shared", "TSK-both", "TSK-under-shared");
            assertThat(ids(cairn.parents("PH-shared"))).containsExactly("GOAL-2");
            assertThat(ids(cairn.parents("TSK-both"))).containsExactly("PH-shared");
        }

        @Test
        void detachDeletesTheNodeAndKeepsItsChildrenWithoutIt() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.PHASE, "PH-1", "GOAL-1");
            create(Layer.TASK, "TSK-1", "PH-1");

            assertThat(cairn.delete("GOAL-1", DeleteMode.DETACH)).containsExactly("GOAL-1");

            assertThat(ids(cairn.find(NodeQuery.all()))).containsExactly("PH-1", "TSK-1");
            assertThat(cairn.parents("PH-1")).isEmpty();
            assertThat(ids(cairn.orphans())).containsExactly("PH-1");
            assertThat(cairn.links()).containsExactly(new Link("PH-1", "TSK-1"));
        }

        @Test
        void refusesToDeleteAnAcceptanceCriteriaNodeACommandVerifies() {
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1");
            cairn.create(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-1").command(CommandSpec.of("AC-1", "make")));

            assertThatThrownBy(() -> cairn.delete("AC-1"))
                    .isExactlyInstanceOf(InvalidLinkException.class)
                    .hasMessageContaining("AC-1").hasMessageContaining("CMD-1");
            assertThat(cairn.findById("AC-1")).isPresent();
        }

        @Test
        void refusesToCascadeOverAnAcceptanceCriteriaNodeACommandOutsideVerifies() {
            create(Layer.REQUIREMENTS, "R-1");
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1", "R-1");
            cairn.create(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-1").command(CommandSpec.of("AC-1", "make")));
            Snapshot before = snapshot(cairn);

            assertThatThrownBy(() -> cairn.delete("R-1", DeleteMode.CASCADE))
                    .isExactlyInstanceOf(InvalidLinkException.class);
            assertThat(snapshot(cairn)).isEqualTo(before);
        }

        @Test
        void cascadeDeletesAnAcceptanceCriteriaNodeWithTheCommandBelowThatVerifiesIt() {
            create(Layer.ACCEPTANCE_CRITERIA, "AC-1");
            cairn.create(NodeDraft.of(Layer.COMMAND, "Run").id("CMD-1").parents("AC-1")
                    .command(CommandSpec.of("AC-1", "make")));

            assertThat(cairn.delete("AC-1", DeleteMode.CASCADE)).containsExactly("AC-1", "CMD-1");
            assertThat(cairn.count(NodeQuery.all())).isZero();
        }

        @Test
        void eventsOutliveTheDeletedNode() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");
            cairn.label("TSK-1", "x");
            Instant deletedAt = tick();

            cairn.delete("GOAL-1", DeleteMode.CASCADE);

            assertThat(cairn.history("TSK-1")).extracting(Event::type).containsExactly(
                    EventType.CREATED, EventType.LINKED, EventType.LABELLED, EventType.DELETED);
            assertThat(cairn.history("GOAL-1")).last().satisfies(event -> {
                assertThat(event.type()).isEqualTo(EventType.DELETED);
                assertThat(event.at()).isEqualTo(deletedAt);
                assertThat(event.actor()).isEqualTo(ACTOR);
                assertThat(event.details()).containsEntry("mode", "cascade");
            });
        }

        @Test
        void deletingANodeTakesItsLabelsAwayAndKeepsTheLabelsKnown() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").labels("x"));

            cairn.delete(node.id());

            assertThat(cairn.find(NodeQuery.all().withAnyLabel("x"))).isEmpty();
            assertThat(cairn.labels()).extracting(Label::name).containsExactly("x");
        }

        @Test
        void aDeletedIdCanBeUsedAgain() {
            create(Layer.TASK, "TSK-1");
            cairn.delete("TSK-1");

            Node again = cairn.create(NodeDraft.of(Layer.TASK, "Again").id("TSK-1"));

            assertThat(cairn.get("TSK-1")).isEqualTo(again);
            assertThat(cairn.history("TSK-1")).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.DELETED, EventType.CREATED);
        }
    }
}
