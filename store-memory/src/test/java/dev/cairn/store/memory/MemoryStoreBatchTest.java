package dev.cairn.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.BatchResult;
import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a batch reaches the store: in chunks, while its work runs, through the bulk methods of the SPI,
 * each chunk's nodes before the links that name them. The contract suite checks what a batch writes;
 * this checks that it streams.
 */
class MemoryStoreBatchTest {
    /** Nodes and links per chunk, as core writes them. */
    private static final int CHUNK = 1_000;

    private final RecordingStore store = new RecordingStore(TestNodes.privateStore());
    private final Cairn cairn = Cairn.over(store, CairnConfig.of("memory:"));

    @AfterEach
    void close() {
        cairn.close();
    }

    @Test
    void aBatchIsWrittenInChunksWhileItsWorkRuns() {
        cairn.create(NodeDraft.of(Layer.GOAL, "Goal").id("GOAL-1"));
        List<Integer> callsSeenByWork = new ArrayList<>();

        BatchResult result = cairn.batch(batch -> {
            for (int i = 0; i < 2_500; i++) {
                batch.add(NodeDraft.of(Layer.TASK, "Task " + i).id("TSK-" + i).parents("GOAL-1"));
                if (i % 500 == 499) {
                    callsSeenByWork.add(store.chunks.size());
                }
            }
        });

        assertThat(result).isEqualTo(new BatchResult(2_500, 2_500, 5_000));
        assertThat(callsSeenByWork).containsExactly(1, 2, 3, 4, 5);
        assertThat(store.chunks).hasSize(5).allSatisfy(chunk -> {
            assertThat(chunk.nodes() + chunk.links()).isLessThanOrEqualTo(CHUNK);
            assertThat(chunk.events()).isEqualTo(chunk.nodes() + chunk.links());
        });
        assertThat(cairn.count(NodeQuery.all())).isEqualTo(2_501);
    }

    @Test
    void eachChunkWritesItsNodesBeforeItsLinksAndItsEventsLast() {
        cairn.create(NodeDraft.of(Layer.GOAL, "Goal").id("GOAL-1"));
        store.calls.clear();

        cairn.batch(batch -> {
            for (int i = 0; i < 700; i++) {
                batch.add(NodeDraft.of(Layer.TASK, "Task " + i).id("TSK-" + i).parents("GOAL-1"));
                batch.add(NodeDraft.of(Layer.SUB_TASK, "Sub " + i).id("SUB-" + i).parents("TSK-" + i));
            }
        });

        assertThat(store.calls).containsSubsequence("insertNodes", "insertLinks", "append", "insertNodes",
                "insertLinks", "append");
        assertThat(store.calls).doesNotContain("insert", "insertLink");
    }

    /** A one-item batch is one call of each bulk method, like a chunk. */
    @Test
    void aSmallBatchIsOneChunk() {
        cairn.batch(batch -> batch.add(NodeDraft.of(Layer.GOAL, "Goal").id("GOAL-1")));

        assertThat(store.chunks).singleElement().isEqualTo(new Chunk(1, 0, 1));
    }

    /** What one chunk sent: counts of nodes, links and events. */
    private record Chunk(int nodes, int links, int events) {
    }

    /** A store that records the bulk calls its transactions get. Used by one test thread. */
    private static final class RecordingStore implements Store {
        private final Store delegate;
        final List<String> calls = new ArrayList<>();
        final List<Chunk> chunks = new ArrayList<>();
        private int nodes;
        private int links;

        RecordingStore(Store delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T read(Function<StoreTransaction, T> work) {
            return delegate.read(work);
        }

        @Override
        public <T> T write(Function<StoreTransaction, T> work) {
            return delegate.write(tx -> work.apply(recording(tx)));
        }

        private StoreTransaction recording(StoreTransaction tx) {
            Set<String> recorded = new HashSet<>(List.of("insert", "insertNodes", "insertLink", "insertLinks",
                    "append"));
            return (StoreTransaction) Proxy.newProxyInstance(StoreTransaction.class.getClassLoader(),
                    new Class<?>[] {StoreTransaction.class}, (proxy, method, args) -> {
                        if (recorded.contains(method.getName())) {
                            calls.add(method.getName());
                            record(method.getName(), (args[0] instanceof List<?> list) ? list.size() : 1);
                        }
                        try {
                            return method.invoke(tx, args);
                        } catch (InvocationTargetException failure) {
                            throw failure.getCause();
                        }
                    });
        }

        private void record(String method, int size) {
            switch (method) {
                case "insertNodes" -> nodes = size;
                case "insertLinks" -> links = size;
                case "append" -> {
                    if (nodes > 0 || links > 0) {
                        chunks.add(new Chunk(nodes, links, size));
                    }
                    nodes = 0;
                    links = 0;
                }
                default -> {
                    // Single writes: not part of a chunk.
                }
            }
        }

        @Override
        public String backend() {
            return delegate.backend();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
