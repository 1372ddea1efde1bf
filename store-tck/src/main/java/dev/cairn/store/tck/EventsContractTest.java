package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodePatch;
import dev.cairn.core.Status;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The audit trail: an event for each change, with its time, actor and details, read by node or after a
 * sequence; none for a change refused.
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class EventsContractTest extends AbstractStoreContractTest {
    /**
     * A suite on the stores {@code fixture} makes, one for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected EventsContractTest(StoreFixture fixture) {
        super(fixture);
    }

    @Nested
    class Events {
        @Test
        void createAppendsCreatedByTheActorAtTheClocksTime() {
            Instant now = tick();
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Write it").id("TSK-1"));

            assertThat(cairn.history(node.id())).singleElement().satisfies(event -> {
                assertThat(event.nodeId()).isEqualTo("TSK-1");
                assertThat(event.type()).isEqualTo(EventType.CREATED);
                assertThat(event.actor()).isEqualTo(ACTOR);
                assertThat(event.at()).isEqualTo(now);
                assertThat(event.details()).containsEntry("title", "Write it").containsEntry("layer", "Task")
                        .containsEntry("status", "planned");
            });
        }

        @Test
        void createWithParentsAppendsALinkedEventPerParent() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.PHASE, "PH-1");

            create(Layer.TASK, "TSK-1", "GOAL-1", "PH-1");

            assertThat(cairn.history("TSK-1")).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.LINKED, EventType.LINKED);
            assertThat(cairn.history("TSK-1")).filteredOn(event -> event.type() == EventType.LINKED)
                    .extracting(event -> event.details().get("parent")).containsExactlyInAnyOrder("GOAL-1", "PH-1");
        }

        @Test
        void anUpdateAppendsUpdatedWithEachChangedFieldFromAndTo() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Old").owner("ana"));
            Instant now = tick();

            cairn.update(node.id(), NodePatch.create().title("New").owner(null).description("same").progress(10));

            assertThat(cairn.history(node.id())).last().satisfies(event -> {
                assertThat(event.type()).isEqualTo(EventType.UPDATED);
                assertThat(event.at()).isEqualTo(now);
                assertThat(event.actor()).isEqualTo(ACTOR);
                assertThat(event.details()).containsOnlyKeys("title", "owner", "description", "progress");
                assertThat(event.details().get("title")).isEqualTo(Map.of("from", "Old", "to", "New"));
                Map<String, Object> ownerChange = new LinkedHashMap<>();
                ownerChange.put("from", "ana");
                ownerChange.put("to", null);
                assertThat(event.details().get("owner")).isEqualTo(ownerChange);
            });
        }

        @Test
        void aStatusChangeAppendsStatusChangedFromAndTo() {
            Node node = create(Layer.TASK);
            Instant now = tick();

            cairn.setStatus(node.id(), Status.BLOCKED);

            assertThat(cairn.history(node.id())).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.STATUS_CHANGED);
            assertThat(cairn.history(node.id())).last().satisfies(event -> {
                assertThat(event.details()).isEqualTo(Map.of("from", "planned", "to", "blocked"));
                assertThat(event.at()).isEqualTo(now);
                assertThat(event.actor()).isEqualTo(ACTOR);
            });
        }

        @Test
        void linkAndUnlinkAppendLinkedAndUnlinkedOnTheChild() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1");

            cairn.link("GOAL-1", "TSK-1");
            cairn.unlink("GOAL-1", "TSK-1");

            assertThat(cairn.history("TSK-1")).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.LINKED, EventType.UNLINKED);
            assertThat(cairn.history("TSK-1").subList(1, 3)).allSatisfy(event -> assertThat(event.details())
                    .isEqualTo(Map.of("parent", "GOAL-1", "child", "TSK-1")));
        }

        @Test
        void labelAndUnlabelAppendTheLabelsAddedAndRemoved() {
            Node node = cairn.create(NodeDraft.of(Layer.TASK, "Task").labels("kept"));

            cairn.label(node.id(), "kept", "new");
            cairn.unlabel(node.id(), "kept", "absent");

            assertThat(cairn.history(node.id())).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.LABELLED, EventType.UNLABELLED);
            assertThat(cairn.history(node.id()).get(1).details()).isEqualTo(Map.of("labels", List.of("new")));
            assertThat(cairn.history(node.id()).get(2).details()).isEqualTo(Map.of("labels", List.of("kept")));
        }

        @Test
        void deleteAppendsDeleted() {
            Node node = create(Layer.TASK);

            cairn.delete(node.id());

            assertThat(cairn.history(node.id())).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.DELETED);
            assertThat(cairn.history(node.id()).get(1).details()).isEqualTo(Map.of("mode", "refuse"));
        }

        @Test
        void historyIsOldestFirstWithIncreasingSequencesAndTimes() {
            Node node = create(Layer.TASK);
            Instant[] times = new Instant[4];
            times[0] = clock.instant();
            times[1] = tick();
            cairn.label(node.id(), "a");
            times[2] = tick();
            cairn.setStatus(node.id(), Status.CANCELLED);
            times[3] = tick();
            cairn.update(node.id(), NodePatch.create().title("Renamed"));

            List<Event> history = cairn.history(node.id());

            assertThat(history).extracting(Event::type).containsExactly(EventType.CREATED, EventType.LABELLED,
                    EventType.STATUS_CHANGED, EventType.UPDATED);
            assertThat(history).extracting(Event::at).containsExactly(times);
            assertThat(history).extracting(Event::sequence).isSorted().doesNotHaveDuplicates();
        }

        @Test
        void eventsAfterASequenceComeOldestFirstUpToTheLimit() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1", "GOAL-1");
            cairn.label("GOAL-1", "x");
            cairn.setStatus("TSK-1", Status.BLOCKED);

            List<Event> all = cairn.events(0, 100);
            assertThat(all).extracting(Event::nodeId, Event::type).containsExactly(
                    tuple("GOAL-1", EventType.CREATED), tuple("TSK-1", EventType.CREATED),
                    tuple("TSK-1", EventType.LINKED), tuple("GOAL-1", EventType.LABELLED),
                    tuple("TSK-1", EventType.STATUS_CHANGED));
            assertThat(all).extracting(Event::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(all.get(0).sequence()).isPositive();

            assertThat(cairn.events(0, 2)).isEqualTo(all.subList(0, 2));
            assertThat(cairn.events(all.get(1).sequence(), 2)).isEqualTo(all.subList(2, 4));
            assertThat(cairn.events(all.get(3).sequence(), 100)).isEqualTo(all.subList(4, 5));
            assertThat(cairn.events(all.get(4).sequence(), 100)).isEmpty();
        }

        @Test
        void theHistoryOfANodeEverUnknownIsEmpty() {
            assertThat(cairn.history("TSK-never")).isEmpty();
            assertThat(cairn.events(0, 10)).isEmpty();
        }

        @Test
        void aRefusedChangeAppendsNothing() {
            create(Layer.GOAL, "GOAL-1");
            create(Layer.TASK, "TSK-1");
            List<Event> before = cairn.events(0, 100);

            catchThrowable(() -> cairn.setStatus("TSK-1", Status.COMPLETED));
            catchThrowable(() -> cairn.link("TSK-1", "GOAL-1"));
            catchThrowable(() -> cairn.unlink("GOAL-1", "TSK-1"));
            catchThrowable(() -> cairn.setProgress("TSK-1", 101));
            catchThrowable(() -> create(Layer.TASK, "TSK-1"));

            assertThat(cairn.events(0, 100)).isEqualTo(before);
        }

        @Test
        void eachEventNamesTheActorOfTheCairnThatMadeTheChange() {
            // Not closed: closing a Cairn closes its store, which the suite's own Cairn closes after the test.
            Cairn other = Cairn.over(store, CairnConfig.builder("test:").clock(clock).actor("ana").build());
            other.create(NodeDraft.of(Layer.TASK, "Task").id("TSK-1"));
            cairn.label("TSK-1", "x");

            assertThat(cairn.history("TSK-1")).extracting(Event::actor).containsExactly("ana", ACTOR);
        }
    }
}
