package dev.cairn.store.memory;

import static dev.cairn.store.memory.TestNodes.event;
import static dev.cairn.store.memory.TestNodes.node;
import static dev.cairn.store.memory.TestNodes.verifying;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.Status;
import dev.cairn.core.StatusCount;
import dev.cairn.core.spi.StoreTransaction;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemoryStoreTransactionTest extends StoreFixture {
    private final Node goal = node("GOAL-1").labels("kept").build();
    private final Node task = node("TSK-1").build();

    @BeforeEach
    void seed() {
        write(tx -> {
            tx.putLabel(new Label("kept", "before"));
            tx.insert(goal);
            tx.insert(task);
            tx.insertLink(new Link("GOAL-1", "TSK-1"));
            tx.append(List.of(event("GOAL-1", EventType.CREATED), event("TSK-1", EventType.CREATED)));
        });
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        List<Event> eventsBefore = events(0, 100);
        RuntimeException failure = new IllegalArgumentException("boom");

        Throwable thrown = catchThrowable(() -> write(tx -> {
            tx.insert(node("TSK-2").labels("fresh", "kept").build());
            tx.insertLink(new Link("GOAL-1", "TSK-2"));
            tx.update(node("TSK-1").title("Changed").status(Status.BLOCKED).labels("other").version(2).build(), 1);
            tx.deleteLink(new Link("GOAL-1", "TSK-1"));
            tx.putLabel(new Label("kept", "after"));
            tx.putLabel(new Label("brand-new", "x"));
            tx.insert(node("CMD-1").command(verifying("AC-1")).build());
            tx.append(List.of(event("TSK-2", EventType.CREATED), event("TSK-1", EventType.UPDATED)));
            tx.delete("GOAL-1");
            throw failure;
        }));

        assertThat(thrown).as("the very exception the work threw").isSameAs(failure);
        assertThat(stored(List.of("GOAL-1", "TSK-1", "TSK-2", "CMD-1"))).containsExactlyInAnyOrder(goal, task);
        assertThat(links()).containsExactly(new Link("GOAL-1", "TSK-1"));
        assertThat(childIds("GOAL-1")).containsExactly("TSK-1");
        assertThat(parentIds("TSK-2")).isEmpty();
        assertThat(labels()).containsExactly(new Label("kept", "before"));
        assertThat(events(0, 100)).isEqualTo(eventsBefore);
        assertThat(events("TSK-2")).isEmpty();
        assertThat(commandsVerifying("AC-1")).isEmpty();
        assertThat(find(NodeQuery.all().withAnyLabel("kept"))).containsExactly(goal);
        assertThat(find(NodeQuery.all().withAnyLabel("other", "fresh"))).isEmpty();
        assertThat(statusCounts()).containsExactly(new StatusCount(Layer.GOAL, Status.PLANNED, 1),
                new StatusCount(Layer.TASK, Status.PLANNED, 1));
    }

    @Test
    void sequencesOfARolledBackAppendAreNotReusedNorVisible() {
        long last = events(0, 100).get(1).sequence();
        catchThrowable(() -> write(tx -> {
            tx.append(List.of(event("TSK-1", EventType.UPDATED)));
            throw new IllegalStateException("boom");
        }));
        write(tx -> tx.append(List.of(event("TSK-1", EventType.DELETED))));

        List<Event> after = events(last, 10);
        assertThat(after).hasSize(1);
        assertThat(after.get(0).type()).isEqualTo(EventType.DELETED);
        assertThat(after.get(0).sequence()).isGreaterThan(last);
    }

    @Test
    void aNestedWriteJoinsTheOuterOneAndCommitsWithIt() {
        write(tx -> {
            tx.insert(node("TSK-2").build());
            store.write(inner -> {
                assertThat(inner.node("TSK-2")).isPresent();
                inner.insert(node("TSK-3").build());
                return null;
            });
        });

        assertThat(stored(List.of("TSK-2", "TSK-3"))).hasSize(2);
    }

    @Test
    void aFailedNestedWriteUndoesOnlyItsOwnChanges() {
        write(tx -> {
            tx.insert(node("TSK-2").build());
            Throwable inner = catchThrowable(() -> store.write(nested -> {
                nested.insert(node("TSK-3").build());
                nested.insertLink(new Link("GOAL-1", "TSK-3"));
                throw new IllegalStateException("inner");
            }));
            assertThat(inner).hasMessage("inner");
            tx.insert(node("TSK-4").build());
        });

        assertThat(stored(List.of("TSK-2", "TSK-3", "TSK-4"))).extracting(Node::id)
                .containsExactlyInAnyOrder("TSK-2", "TSK-4");
        assertThat(childIds("GOAL-1")).containsExactly("TSK-1");
    }

    @Test
    void anOuterFailureUndoesWhatANestedWriteDid() {
        catchThrowable(() -> write(tx -> {
            store.write(nested -> {
                nested.insert(node("TSK-3").build());
                return null;
            });
            throw new IllegalStateException("outer");
        }));

        assertThat(stored("TSK-3")).isEmpty();
    }

    @Test
    void aReadInsideAWriteSeesTheWritesChanges() {
        boolean seen = store.write(tx -> {
            tx.insert(node("TSK-2").build());
            return store.read(view -> view.node("TSK-2").isPresent());
        });

        assertThat(seen).isTrue();
    }

    @Test
    void aWriteInsideAReadOnTheSameThreadIsRefusedInsteadOfDeadlocking() {
        assertThatThrownBy(() -> store.read(tx -> store.write(inner -> {
            inner.insert(node("TSK-2").build());
            return null;
        })))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("write called inside Store.read")
                .hasMessageContaining("deadlock");
        assertThat(stored("TSK-2")).isEmpty();
        write(tx -> tx.insert(node("TSK-2").build()));
        assertThat(stored("TSK-2")).as("the locks were all released").isPresent();
    }

    @Test
    void aReadTransactionRefusesChanges() {
        assertThatThrownBy(() -> store.read(tx -> {
            tx.insert(node("TSK-2").build());
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        assertThatThrownBy(() -> store.read(tx -> {
            tx.append(List.of(event("TSK-1", EventType.UPDATED)));
            return null;
        })).isInstanceOf(IllegalStateException.class);
        assertThat(stored("TSK-2")).isEmpty();
    }

    @Test
    void aTransactionKeptPastItsWorkIsUnusable() {
        AtomicReference<StoreTransaction> kept = new AtomicReference<>();
        write(kept::set);

        assertThatThrownBy(() -> kept.get().node("TSK-1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ended");
        assertThatThrownBy(() -> kept.get().insert(node("TSK-2").build())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTransactionIsConfinedToItsThread() {
        Throwable fromOtherThread = store.read(tx -> CompletableFuture
                .supplyAsync(() -> catchThrowable(() -> tx.node("TSK-1"))).join());

        assertThat(fromOtherThread).isInstanceOf(IllegalStateException.class).hasMessageContaining("thread");
    }

    @Test
    void anErrorThrownByTheWorkRollsBackToo() {
        Throwable thrown = catchThrowable(() -> write(tx -> {
            tx.insert(node("TSK-2").build());
            throw new AssertionError("an error, not an exception");
        }));

        assertThat(thrown).isInstanceOf(AssertionError.class);
        assertThat(stored("TSK-2")).isEmpty();
    }
}
