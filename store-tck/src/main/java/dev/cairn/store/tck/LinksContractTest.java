package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.InvalidLinkException;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.Node;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Links from parent to child: the layer order for every pair of layers, several parents, and a duplicate link
 * or a missing end refused; unlinking.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class LinksContractTest extends AbstractStoreContractTest {
    /**
     * A suite on the stores {@code fixture} makes, one for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected LinksContractTest(StoreFixture fixture) {
        super(fixture);
    }

    @Nested
    class Links {
        @Test
        void linksAParentToAChildOfALaterLayer() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.CONCEPT, "CON-1");

            cairn.link("GOAL-1", "CON-1");

            assertThat(ids(cairn.children("GOAL-1"))).containsExactly("CON-1");
            assertThat(ids(cairn.parents("CON-1"))).containsExactly("GOAL-1");
            assertThat(cairn.links()).containsExactly(new Link("GOAL-1", "CON-1"));
        }

        @Test
        void refusesALinkWithinOneLayer() {
            create(Layer.TASK, "TSK-1");
            create(Layer.TASK, "TSK-2");

            assertThatThrownBy(() -> cairn.link("TSK-1", "TSK-2"))
                    .isExactlyInstanceOf(InvalidLinkException.class)
                    .hasMessageContaining("TSK-1").hasMessageContaining("TSK-2");
            assertThat(cairn.links()).isEmpty();
        }

        @Test
        void refusesALinkUpward() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.COMMAND, "CMD-1");

            assertThatThrownBy(() -> cairn.link("CMD-1", "GOAL-1"))
                    .isExactlyInstanceOf(InvalidLinkException.class)
                    .hasMessageContaining("Command").hasMessageContaining("Goal");
            assertThat(cairn.links()).isEmpty();
        }

        @Test
        void enforcesTheLayerOrderForEveryPairOfLayers() {
            for (Layer upper : Layer.values()) {
                create(upper, upper.prefix() + "-x");
            }
            for (Layer parent : Layer.values()) {
                for (Layer child : Layer.values()) {
                    String parentId = parent.prefix() + "-x";
                    String childId = child.prefix() + "-x";
                    if (parent.index() < child.index()) {
                        cairn.link(parentId, childId);
                    } else {
                        assertThatThrownBy(() -> cairn.link(parentId, childId))
                                .isExactlyInstanceOf(InvalidLinkException.class);
                    }
                }
            }

            assertThat(cairn.links()).hasSize(12 * 11 / 2);
        }

        @Test
        void allowsSkippingLayers() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.COMMAND, "CMD-1");

            cairn.link("GOAL-1", "CMD-1");

            assertThat(ids(cairn.children("GOAL-1"))).containsExactly("CMD-1");
        }

        @Test
        void allowsSeveralParents() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.GOAL, "GOAL-2");
            create(Layer.PHASE, "PH-1");
            create(Layer.TASK, "TSK-1");

            cairn.link("GOAL-1", "TSK-1");
            cairn.link("GOAL-2", "TSK-1");
            cairn.link("PH-1", "TSK-1");

            assertThat(ids(cairn.parents("TSK-1"))).containsExactly("GOAL-1", "GOAL-2", "PH-1");
        }

        @Test
        void refusesADuplicateLink() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");

            assertThatThrownBy(() -> cairn.link("GOAL-1", "TSK-1"))
                    .isExactlyInstanceOf(InvalidLinkException.class)
                    .hasMessageContaining("exists");
            assertThat(cairn.links()).hasSize(1);
            assertThat(cairn.history("TSK-1")).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.LINKED);
        }

        @Test
        void refusesALinkToOrFromAMissingNode() {
            create(Layer.GOAL, "GOAL-1");

            assertThatThrownBy(() -> cairn.link("GOAL-1", "TSK-missing"))
                    .isExactlyInstanceOf(NoSuchNodeException.class).hasMessageContaining("TSK-missing");
            assertThatThrownBy(() -> cairn.link("GOAL-missing", "GOAL-1"))
                    .isExactlyInstanceOf(NoSuchNodeException.class).hasMessageContaining("GOAL-missing");
            assertThat(cairn.links()).isEmpty();
        }

        @Test
        void unlinkRemovesTheLinkAndKeepsBothNodes() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");

            cairn.unlink("GOAL-1", "TSK-1");

            assertThat(cairn.links()).isEmpty();
            assertThat(cairn.children("GOAL-1")).isEmpty();
            assertThat(cairn.findById("TSK-1")).isPresent();
            assertThat(cairn.findById("GOAL-1")).isPresent();
        }

        @Test
        void unlinkOfALinkThatIsNotThereFails() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1");

            assertThatThrownBy(() -> cairn.unlink("GOAL-1", "TSK-1"))
                    .isExactlyInstanceOf(InvalidLinkException.class)
                    .hasMessageContaining("GOAL-1").hasMessageContaining("TSK-1");
        }

        @Test
        void unlinkOfAMissingNodeFails() {
            create(Layer.GOAL, "GOAL-1");

            assertThatThrownBy(() -> cairn.unlink("GOAL-1", "TSK-missing"))
                    .isExactlyInstanceOf(NoSuchNodeException.class);
        }

        @Test
        void aLinkCanBeMadeAgainAfterUnlink() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");
            cairn.unlink("GOAL-1", "TSK-1");

            cairn.link("GOAL-1", "TSK-1");

            assertThat(cairn.links()).containsExactly(new Link("GOAL-1", "TSK-1"));
        }

        @Test
        void linksAreListedSortedByParentThenChild() {
            create(Layer.GOAL, "GOAL-b");
            create(Layer.GOAL, "GOAL-a");
            create(Layer.TASK, "TSK-2", "GOAL-b", "GOAL-a");
            create(Layer.TASK, "TSK-1", "GOAL-b");

            assertThat(cairn.links()).containsExactly(new Link("GOAL-a", "TSK-2"), new Link("GOAL-b", "TSK-1"),
                    new Link("GOAL-b", "TSK-2"));
        }

        @Test
        void linkingLeavesTheNodesVersionsAlone() {
            Node goal = create(Layer.GOAL, "GOAL-1");
            Node task = create(Layer.TASK, "TSK-1");

            cairn.link("GOAL-1", "TSK-1");

            assertThat(cairn.get("GOAL-1")).isEqualTo(goal);
            assertThat(cairn.get("TSK-1")).isEqualTo(task);
        }
    }
}
