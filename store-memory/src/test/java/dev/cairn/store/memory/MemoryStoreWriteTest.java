package dev.cairn.store.memory;

import static dev.cairn.store.memory.TestNodes.event;
import static dev.cairn.store.memory.TestNodes.node;
import static dev.cairn.store.memory.TestNodes.verifying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.DuplicateNodeException;
import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.InvalidLinkException;
import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.NoSuchNodeException;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.Status;
import dev.cairn.core.StatusCount;
import dev.cairn.core.spi.StoreTransaction;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MemoryStoreWriteTest extends StoreFixture {
    @Nested
    class Nodes {
        @Test
        void insertStoresTheNodeAsGiven() {
            Node task = node("TSK-1").owner("ana").labels("parser").build();
            write(tx -> tx.insert(task));

            assertThat(stored("TSK-1")).contains(task);
            assertThat(stored(List.of("TSK-1", "TSK-404"))).containsExactly(task);
        }

        @Test
        void insertOfAnExistingIdThrowsDuplicateNodeException() {
            write(tx -> tx.insert(node("TSK-1").build()));

            assertThatThrownBy(() -> write(tx -> tx.insert(node("TSK-1").title("Other").build())))
                    .isInstanceOf(DuplicateNodeException.class)
                    .hasMessage("Node TSK-1 exists already");
            assertThat(stored("TSK-1").orElseThrow().title()).isEqualTo("Title of TSK-1");
        }

        @Test
        void insertCreatesUnknownLabelsAndKeepsKnownDescriptions() {
            write(tx -> tx.putLabel(new Label("parser", "the parser")));
            write(tx -> tx.insert(node("TSK-1").labels("parser", "urgent").build()));

            assertThat(labels())
                    .containsExactly(new Label("parser", "the parser"), new Label("urgent", null));
        }

        @Test
        void updateReplacesTheNodeWhenAtTheExpectedVersion() {
            write(tx -> tx.insert(node("TSK-1").build()));
            Node changed = node("TSK-1").title("New").labels("fresh").version(2).build();

            assertThat(update(changed, 1)).isTrue();
            assertThat(stored("TSK-1")).contains(changed);
            assertThat(label("fresh")).contains(new Label("fresh", null));
        }

        @Test
        void updateAtAnotherVersionChangesNothingAndReturnsFalse() {
            Node original = node("TSK-1").version(3).build();
            write(tx -> tx.insert(original));

            assertThat(update(node("TSK-1").title("New").labels("x").version(4).build(), 2))
                    .isFalse();
            assertThat(stored("TSK-1")).contains(original);
            assertThat(labels()).isEmpty();
        }

        @Test
        void updateOfAMissingNodeReturnsFalse() {
            assertThat(update(node("TSK-1").build(), 1)).isFalse();
            assertThat(stored("TSK-1")).isEmpty();
        }

        @Test
        void deleteRemovesNodeLinksBothWaysAndLabelAssignmentsButKeepsEventsAndLabels() {
            write(tx -> {
                tx.insert(node("GOAL-1").build());
                tx.insert(node("TSK-1").labels("parser").build());
                tx.insert(node("CMD-1").build());
                tx.insertLink(new Link("GOAL-1", "TSK-1"));
                tx.insertLink(new Link("TSK-1", "CMD-1"));
                tx.append(List.of(event("TSK-1", EventType.CREATED)));
            });

            write(tx -> tx.delete("TSK-1"));

            assertThat(stored("TSK-1")).isEmpty();
            assertThat(links()).isEmpty();
            assertThat(childIds("GOAL-1")).isEmpty();
            assertThat(parentIds("CMD-1")).isEmpty();
            assertThat(count(NodeQuery.all().withAnyLabel("parser"))).isZero();
            assertThat(label("parser")).isPresent();
            assertThat(events("TSK-1")).hasSize(1);
        }

        @Test
        void deleteOfAMissingNodeDoesNothing() {
            write(tx -> tx.delete("TSK-404"));
            assertThat(count(NodeQuery.all())).isZero();
        }
    }

    @Nested
    class Links {
        @Test
        void linksAreSortedByParentThenChildAndSeenFromBothEnds() {
            write(tx -> {
                for (String id : List.of("GOAL-2", "GOAL-1", "TSK-2", "TSK-1", "TSK-3")) {
                    tx.insert(node(id).build());
                }
                tx.insertLink(new Link("GOAL-2", "TSK-1"));
                tx.insertLink(new Link("GOAL-1", "TSK-3"));
                tx.insertLink(new Link("GOAL-1", "TSK-1"));
                tx.insertLink(new Link("GOAL-1", "TSK-2"));
            });

            assertThat(links()).containsExactly(
                    new Link("GOAL-1", "TSK-1"), new Link("GOAL-1", "TSK-2"), new Link("GOAL-1", "TSK-3"),
                    new Link("GOAL-2", "TSK-1"));
            assertThat(childIds("GOAL-1")).containsExactly("TSK-1", "TSK-2", "TSK-3");
            assertThat(parentIds("TSK-1")).containsExactly("GOAL-1", "GOAL-2");
            assertThat(hasLink("GOAL-2", "TSK-1")).isTrue();
            assertThat(hasLink("GOAL-2", "TSK-2")).isFalse();
        }

        @Test
        void deleteLinkRemovesOnlyThatLinkAndSaysWhetherThereWasOne() {
            write(tx -> {
                tx.insert(node("GOAL-1").build());
                tx.insert(node("TSK-1").build());
                tx.insert(node("TSK-2").build());
                tx.insertLink(new Link("GOAL-1", "TSK-1"));
                tx.insertLink(new Link("GOAL-1", "TSK-2"));
            });

            assertThat(deleteLink("GOAL-1", "TSK-1")).isTrue();
            assertThat(deleteLink("GOAL-1", "TSK-1")).isFalse();
            assertThat(links()).containsExactly(new Link("GOAL-1", "TSK-2"));
        }

        @Test
        void aLinkToAMissingNodeOrALinkStoredTwiceIsRefused() {
            write(tx -> {
                tx.insert(node("GOAL-1").build());
                tx.insert(node("TSK-1").build());
                tx.insertLink(new Link("GOAL-1", "TSK-1"));
            });

            assertThatThrownBy(() -> write(tx -> tx.insertLink(new Link("GOAL-1", "TSK-404"))))
                    .isInstanceOf(NoSuchNodeException.class).hasMessageContaining("TSK-404");
            assertThatThrownBy(() -> write(tx -> tx.insertLink(new Link("GOAL-1", "TSK-1"))))
                    .isInstanceOf(InvalidLinkException.class).hasMessageContaining("exists already");
            assertThat(links()).containsExactly(new Link("GOAL-1", "TSK-1"));
        }
    }

    @Nested
    class LabelsCountsCommands {
        @Test
        void putLabelCreatesOrReplacesTheDescriptionAndLabelsAreSortedByName() {
            write(tx -> {
                tx.putLabel(new Label("b", "first"));
                tx.putLabel(new Label("a", null));
                tx.putLabel(new Label("b", "second"));
            });

            assertThat(labels())
                    .containsExactly(new Label("a", null), new Label("b", "second"));
            assertThat(label("c")).isEmpty();
        }

        @Test
        void countByLayerAndStatusIsSortedByLayerThenStatusAndFollowsUpdates() {
            write(tx -> {
                tx.insert(node("TSK-1").status(Status.BLOCKED).build());
                tx.insert(node("TSK-2").status(Status.PLANNED).build());
                tx.insert(node("TSK-3").status(Status.PLANNED).build());
                tx.insert(node("GOAL-1").status(Status.COMPLETED).build());
            });
            write(tx -> tx.update(node("TSK-3").status(Status.IN_PROGRESS).version(2).build(), 1));

            assertThat(statusCounts()).containsExactly(
                    new StatusCount(Layer.GOAL, Status.COMPLETED, 1),
                    new StatusCount(Layer.TASK, Status.PLANNED, 1),
                    new StatusCount(Layer.TASK, Status.IN_PROGRESS, 1),
                    new StatusCount(Layer.TASK, Status.BLOCKED, 1));
        }

        @Test
        void commandsVerifyingListsTheCommandsNamingTheAcceptanceCriteria() {
            write(tx -> {
                tx.insert(node("AC-1").build());
                tx.insert(node("AC-2").build());
                tx.insert(node("CMD-2").command(verifying("AC-1")).build());
                tx.insert(node("CMD-1").command(verifying("AC-1")).build());
                tx.insert(node("CMD-3").command(verifying("AC-2")).build());
            });
            write(tx -> tx.update(node("CMD-3").command(verifying("AC-1")).version(2).build(), 1));
            write(tx -> tx.delete("CMD-2"));

            assertThat(commandsVerifying("AC-1")).containsExactly("CMD-1", "CMD-3");
            assertThat(commandsVerifying("AC-2")).isEmpty();
        }
    }

    @Nested
    class Events {
        @Test
        void appendGivesIncreasingSequencesInListOrder() {
            write(tx -> tx.append(List.of(event("TSK-1", EventType.CREATED), event("TSK-2", EventType.CREATED))));
            write(tx -> tx.append(List.of(event("TSK-1", EventType.UPDATED))));

            List<Event> all = events(0, 100);
            assertThat(all).extracting(Event::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(all).extracting(Event::nodeId).containsExactly("TSK-1", "TSK-2", "TSK-1");
            assertThat(all.get(0).details()).containsEntry("note", "CREATED");
            assertThat(all.get(0).actor()).isEqualTo("test");
        }

        @Test
        void eventsOfANodeAreOldestFirst() {
            write(tx -> tx.append(List.of(event("TSK-1", EventType.CREATED), event("TSK-2", EventType.CREATED),
                    event("TSK-1", EventType.STATUS_CHANGED), event("TSK-1", EventType.DELETED))));

            assertThat(events("TSK-1")).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.STATUS_CHANGED, EventType.DELETED);
            assertThat(events("TSK-404")).isEmpty();
        }

        @Test
        void eventsAfterASequencePageThroughTheTrail() {
            write(tx -> {
                for (int i = 0; i < 10; i++) {
                    tx.append(List.of(event("TSK-" + i, EventType.CREATED)));
                }
            });
            List<Event> all = events(0, 100);

            List<Event> page = events(all.get(2).sequence(), 3);
            assertThat(page).containsExactlyElementsOf(all.subList(3, 6));
            assertThat(events(all.get(8).sequence(), 5)).containsExactly(all.get(9));
            assertThat(events(all.get(9).sequence(), 5)).isEmpty();
        }
    }
}
