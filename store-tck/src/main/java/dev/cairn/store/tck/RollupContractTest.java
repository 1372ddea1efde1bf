package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.PlanTree;
import dev.cairn.core.Status;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Progress rolled up through the tree, and the trees and forests that carry it.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class RollupContractTest extends AbstractStoreContractTest {
    /**
     * A suite on the stores {@code fixture} makes, one for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected RollupContractTest(StoreFixture fixture) {
        super(fixture);
    }

    @Nested
    class Rollup {
        @Test
        void aLeafRollsUpToItsOwnProgress() {
            Node leaf = cairn.create(NodeDraft.of(Layer.TASK, "Leaf").progress(37));

            assertThat(cairn.rolledUpProgress(leaf.id())).isEqualTo(37.0);
        }

        @Test
        void aParentRollsUpToTheMeanOfItsChildren() {
            cairn.create(NodeDraft.of(Layer.PHASE, "Phase").id("PH-1").progress(90));
            cairn.create(NodeDraft.of(Layer.TASK, "A").id("TSK-a").progress(20).parents("PH-1"));
            cairn.create(NodeDraft.of(Layer.TASK, "B").id("TSK-b").progress(45).parents("PH-1"));

            assertThat(cairn.rolledUpProgress("PH-1")).isEqualTo(32.5);
        }

        @Test
        void aCompletedNodeCounts100WhateverIsBelowIt() {
            cairn.create(NodeDraft.of(Layer.PHASE, "Phase").id("PH-1"));
            cairn.create(NodeDraft.of(Layer.TASK, "Done").id("TSK-done").status(Status.COMPLETED).parents("PH-1"));
            cairn.create(NodeDraft.of(Layer.SUB_TASK, "Never started").id("SUB-1").parents("TSK-done"));
            cairn.create(NodeDraft.of(Layer.TASK, "Half").id("TSK-half").progress(50).parents("PH-1"));

            assertThat(cairn.rolledUpProgress("TSK-done")).isEqualTo(100.0);
            assertThat(cairn.rolledUpProgress("PH-1")).isEqualTo(75.0);
        }

        @Test
        void cancelledChildrenAreLeftOut() {
            cairn.create(NodeDraft.of(Layer.PHASE, "Phase").id("PH-1"));
            cairn.create(NodeDraft.of(Layer.TASK, "Half").id("TSK-half").progress(50).parents("PH-1"));
            cairn.create(NodeDraft.of(Layer.TASK, "Dropped").id("TSK-dropped").status(Status.CANCELLED)
                    .parents("PH-1"));

            assertThat(cairn.rolledUpProgress("PH-1")).isEqualTo(50.0);
        }

        @Test
        void aNodeWhoseChildrenAreAllCancelledRollsUpToItsOwnProgress() {
            cairn.create(NodeDraft.of(Layer.PHASE, "Phase").id("PH-1").progress(15));
            cairn.create(NodeDraft.of(Layer.TASK, "Dropped").id("TSK-dropped").status(Status.CANCELLED)
                    .progress(80).parents("PH-1"));

            assertThat(cairn.rolledUpProgress("PH-1")).isEqualTo(15.0);
        }

        @Test
        void rollsUpThroughSeveralLevels() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.PHASE, "PH-1", "GOAL-1");
            cairn.create(NodeDraft.of(Layer.PHASE, "Leaf phase").id("PH-2").progress(20).parents("GOAL-1"));
            cairn.create(NodeDraft.of(Layer.TASK, "Done").id("TSK-1").status(Status.COMPLETED).parents("PH-1"));
            cairn.create(NodeDraft.of(Layer.TASK, "Not yet").id("TSK-2").parents("PH-1"));

            assertThat(cairn.rolledUpProgress("PH-1")).isEqualTo(50.0);
            assertThat(cairn.rolledUpProgress("GOAL-1")).isEqualTo(35.0);
        }

        @Test
        void completingAChildMovesTheRollUp() {
            create(Layer.PHASE, "PH-1");
            create(Layer.TASK, "TSK-1", "PH-1");
            create(Layer.TASK, "TSK-2", "PH-1");
            cairn.setStatus("TSK-1", Status.IN_PROGRESS);
            cairn.setStatus("TSK-1", Status.COMPLETED);

            assertThat(cairn.rolledUpProgress("PH-1")).isEqualTo(50.0);
        }

        @Test
        void aTreeHoldsEveryNodeBelowWithItsRolledUpProgress() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.PHASE, "PH-1", "GOAL-1");
            cairn.create(NodeDraft.of(Layer.PHASE, "Leaf").id("PH-2").progress(20).parents("GOAL-1"));
            cairn.create(NodeDraft.of(Layer.TASK, "Done").id("TSK-1").status(Status.COMPLETED).parents("PH-1"));
            create(Layer.TASK, "TSK-2", "PH-1");

            PlanTree tree = cairn.tree("GOAL-1");

            assertThat(tree.node()).isEqualTo(cairn.get("GOAL-1"));
            assertThat(tree.rolledUpProgress()).isEqualTo(35.0);
            assertThat(tree.children()).extracting(child -> child.node().id(), PlanTree::rolledUpProgress)
                    .containsExactly(tuple("PH-1", 50.0), tuple("PH-2", 20.0));
            assertThat(tree.children().get(0).children())
                    .extracting(child -> child.node().id(), PlanTree::rolledUpProgress)
                    .containsExactly(tuple("TSK-1", 100.0), tuple("TSK-2", 0.0));
            assertThat(tree.children().get(1).children()).isEmpty();
        }

        @Test
        void theForestHasATreePerRootAndANodeUnderEachOfItsParents() {
            create(Layer.GOAL, "GOAL-a");
            create(Layer.GOAL, "GOAL-b");
            cairn.create(NodeDraft.of(Layer.TASK, "Shared").id("TSK-shared").progress(40)
                    .parents("GOAL-a", "GOAL-b"));
            cairn.create(NodeDraft.of(Layer.TASK, "Loose").id("TSK-loose").progress(70));

            List<PlanTree> forest = cairn.forest();

            assertThat(forest).extracting(tree -> tree.node().id(), PlanTree::rolledUpProgress)
                    .containsExactly(tuple("GOAL-a", 40.0), tuple("GOAL-b", 40.0), tuple("TSK-loose", 70.0));
            assertThat(forest.get(0).children()).extracting(child -> child.node().id())
                    .containsExactly("TSK-shared");
            assertThat(forest.get(1).children()).extracting(child -> child.node().id())
                    .containsExactly("TSK-shared");
        }

        @Test
        void theForestOfAnEmptyStoreIsEmpty() {
            assertThat(cairn.forest()).isEmpty();
            assertThat(cairn.roots()).isEmpty();
        }
    }
}
