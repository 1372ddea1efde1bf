package dev.cairn.benchmarks;

import dev.cairn.benchmarks.BaselineGraph.BaselineNode;
import dev.cairn.core.Cairn;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory store through the {@link Cairn} facade, each benchmark {@code X} beside {@code XBaseline}
 * doing the same work on plain collections ({@link BaselineGraph}): the ratio is what the rules,
 * transactions, events and locks cost.
 *
 * <p>Instances are JMH's: one per fork and thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class MemoryStoreBenchmark {

    /** An empty store per iteration, so that what create adds stays bounded. Not thread-safe. */
    @State(Scope.Thread)
    public static class CairnStore {
        Cairn cairn;
        long nextId;

        @Setup(Level.Iteration)
        public void open() {
            cairn = Cairn.open("memory:");
        }

        @TearDown(Level.Iteration)
        public void close() {
            cairn.close();
        }
    }

    /** An empty baseline graph per iteration. Not thread-safe. */
    @State(Scope.Thread)
    public static class BaselineStore {
        BaselineGraph graph;
        long nextId;

        @Setup(Level.Iteration)
        public void open() {
            graph = new BaselineGraph();
        }
    }

    /** A tree of {@code size} nodes in a memory store, built once per fork. Thread-safe once built. */
    @State(Scope.Benchmark)
    public static class CairnTree {
        @Param("100000")
        public int size;

        Cairn cairn;
        String rootId;
        String[] probeIds;

        @Setup(Level.Trial)
        public void build() {
            TreeShape shape = TreeShape.of(size);
            cairn = Cairn.open("memory:");
            cairn.useTransaction(graph -> {
                for (TreeShape.Entry entry : shape.entries()) {
                    NodeDraft draft = NodeDraft.of(entry.layer(), "Node " + entry.id()).id(entry.id()).owner("ana");
                    if (entry.parentId() != null) {
                        draft.parents(entry.parentId());
                    }
                    graph.create(draft);
                }
            });
            rootId = shape.rootId();
            probeIds = shape.probeIds(ProbeCursor.PROBES);
        }

        @TearDown(Level.Trial)
        public void close() {
            cairn.close();
        }
    }

    /** The same tree on plain collections. Read-only once built. */
    @State(Scope.Benchmark)
    public static class BaselineTree {
        @Param("100000")
        public int size;

        BaselineGraph graph;
        String rootId;
        String[] probeIds;

        @Setup(Level.Trial)
        public void build() {
            TreeShape shape = TreeShape.of(size);
            graph = new BaselineGraph();
            for (TreeShape.Entry entry : shape.entries()) {
                graph.create(entry.id(), entry.layer(), "Node " + entry.id(), "ana", entry.parentId());
            }
            rootId = shape.rootId();
            probeIds = shape.probeIds(ProbeCursor.PROBES);
        }
    }

    @Benchmark
    public Node create(CairnStore store) {
        return store.cairn.create(NodeDraft.of(Layer.TASK, "Write the parser").id("TSK-" + store.nextId++)
                .owner("ana"));
    }

    @Benchmark
    public BaselineNode createBaseline(BaselineStore store) {
        return store.graph.create("TSK-" + store.nextId++, Layer.TASK, "Write the parser", "ana", null);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Node get(CairnTree tree, ProbeCursor cursor) {
        return tree.cairn.get(tree.probeIds[cursor.next()]);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public BaselineNode getBaseline(BaselineTree tree, ProbeCursor cursor) {
        return tree.graph.get(tree.probeIds[cursor.next()]);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<Node> descendants(CairnTree tree) {
        return tree.cairn.descendants(tree.rootId);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public List<BaselineNode> descendantsBaseline(BaselineTree tree) {
        return tree.graph.descendants(tree.rootId);
    }
}
