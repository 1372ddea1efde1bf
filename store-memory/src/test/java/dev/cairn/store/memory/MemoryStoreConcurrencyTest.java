package dev.cairn.store.memory;

import static dev.cairn.store.memory.TestNodes.event;
import static dev.cairn.store.memory.TestNodes.node;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.Link;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class MemoryStoreConcurrencyTest extends StoreFixture {
    private static final int WRITERS = 8;
    private static final int WRITES_EACH = 500;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void eightWritingThreadsLoseNothingAndReadersOnlySeeWholeTransactions() throws Exception {
        write(tx -> tx.insert(node("GOAL-ROOT").build()));
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int writer = 0; writer < WRITERS; writer++) {
                writers.add(pool.submit(writer(writer, start)));
            }
            List<Future<Integer>> readers = List.of(pool.submit(reader(start, writing)),
                    pool.submit(reader(start, writing)));
            start.countDown();
            for (Future<?> future : writers) {
                future.get();
            }
            writing.set(false);
            for (Future<Integer> reader : readers) {
                assertThat(reader.get()).as("snapshots checked").isPositive();
            }
        } finally {
            pool.shutdownNow();
        }

        int kept = WRITERS * WRITES_EACH * 9 / 10;
        assertThat(count(NodeQuery.all())).isEqualTo(kept + 1);
        assertThat(childIds("GOAL-ROOT")).hasSize(kept);
        assertThat(links()).hasSize(kept);
        List<Event> events = events(0, Integer.MAX_VALUE);
        assertThat(events).hasSize(kept);
        assertThat(events).extracting(Event::sequence).isSorted().doesNotHaveDuplicates();
        assertThat(find(NodeQuery.all().text("doomed"))).isEmpty();
    }

    /** Each write adds a node, its link and its event; every tenth write fails after doing so. */
    private Callable<Void> writer(int writer, CountDownLatch start) {
        return () -> {
            start.await();
            for (int index = 0; index < WRITES_EACH; index++) {
                String id = "TSK-" + writer + "_" + index;
                boolean doomed = index % 10 == 9;
                try {
                    write(tx -> {
                        tx.insert(node(id).title(doomed ? "doomed" : "kept").build());
                        tx.insertLink(new Link("GOAL-ROOT", id));
                        tx.append(List.of(event(id, EventType.CREATED)));
                        if (doomed) {
                            throw new IllegalStateException("rolled back on purpose");
                        }
                    });
                } catch (IllegalStateException expected) {
                    assertThat(expected).hasMessage("rolled back on purpose");
                }
            }
            return null;
        };
    }

    /** Checks that nodes, links and events always agree: a reader never sees half a write. */
    private Callable<Integer> reader(CountDownLatch start, AtomicBoolean writing) {
        return () -> {
            start.await();
            int snapshots = 0;
            do {
                store.read(tx -> {
                    long nodes = tx.count(NodeQuery.all());
                    int children = tx.childIds("GOAL-ROOT").size();
                    int events = tx.events(0, Integer.MAX_VALUE).size();
                    assertThat(children).isEqualTo(nodes - 1).isEqualTo(events);
                    return null;
                });
                snapshots++;
            } while (writing.get());
            return snapshots;
        };
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void walksAChainOfAHundredThousandNodesWithoutRecursion() {
        int size = 100_000;
        write(tx -> {
            for (int index = 0; index < size; index++) {
                tx.insert(node("TSK-" + index).build());
                if (index > 0) {
                    tx.insertLink(new Link("TSK-" + (index - 1), "TSK-" + index));
                }
            }
        });

        assertThat(descendants("TSK-0")).hasSize(size - 1);
        assertThat(descendantLinks("TSK-0")).hasSize(size - 1);
        assertThat(ancestors("TSK-" + (size - 1))).hasSize(size - 1).first().extracting(Node::id)
                .isEqualTo("TSK-" + (size - 2));
        assertThat(count(NodeQuery.all().withoutParents())).isEqualTo(1);
        assertThat(find(NodeQuery.all().childOf("TSK-500"))).extracting(Node::id).containsExactly("TSK-501");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void walksAWideTreeOfAHundredThousandNodes() {
        int fanOut = 10;
        write(tx -> {
            tx.insert(node("TSK-0").build());
            for (int index = 1; index < 100_000; index++) {
                tx.insert(node("TSK-" + index).build());
                tx.insertLink(new Link("TSK-" + (index - 1) / fanOut, "TSK-" + index));
            }
        });

        for (int round = 0; round < 5; round++) {
            assertThat(descendants("TSK-0")).hasSize(99_999);
        }
        assertThat(descendants("TSK-1")).hasSize(11_111 - 1);
        assertThat(descendantLinks("TSK-0")).hasSize(99_999);
        assertThat(ancestors("TSK-99999")).extracting(Node::id)
                .containsExactly("TSK-9999", "TSK-999", "TSK-99", "TSK-9", "TSK-0");
    }
}
