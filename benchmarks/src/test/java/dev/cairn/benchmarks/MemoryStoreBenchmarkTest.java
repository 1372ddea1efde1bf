package dev.cairn.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.benchmarks.BaselineGraph.BaselineNode;
import dev.cairn.core.Node;
import dev.cairn.core.NodeQuery;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;

/** Each Cairn benchmark and its baseline do the same work, on a tree small enough for a unit test. */
class MemoryStoreBenchmarkTest {
    private static final int TREE_SIZE = 1_234;

    private final MemoryStoreBenchmark benchmark = new MemoryStoreBenchmark();
    private final MemoryStoreBenchmark.CairnStore cairnStore = new MemoryStoreBenchmark.CairnStore();
    private final MemoryStoreBenchmark.CairnTree cairnTree = new MemoryStoreBenchmark.CairnTree();

    @AfterEach
    void close() {
        if (cairnStore.cairn != null) {
            cairnStore.close();
        }
        if (cairnTree.cairn != null) {
            cairnTree.close();
        }
    }

    @Test
    void everyBenchmarkHasABaselineInTheSameClass() {
        List<JmhResult> results = Stream.of(MemoryStoreBenchmark.class.getMethods())
                .filter(method -> method.isAnnotationPresent(Benchmark.class))
                .map(Method::getName)
                .map(name -> new JmhResult(MemoryStoreBenchmark.class.getName(), name, "avgt", new TreeMap<>(),
                        1, Double.NaN, "us/op"))
                .toList();

        Pairing pairing = Pairing.of(results);

        assertThat(results).hasSize(6);
        assertThat(pairing.unpaired()).isEmpty();
        assertThat(pairing.pairs()).extracting(pair -> pair.subject().method())
                .containsExactlyInAnyOrder("create", "get", "descendants");
    }

    @Test
    void createStoresTheSameNodeInBoth() {
        MemoryStoreBenchmark.BaselineStore baselineStore = new MemoryStoreBenchmark.BaselineStore();
        cairnStore.open();
        baselineStore.open();

        for (int i = 0; i < 3; i++) {
            Node node = benchmark.create(cairnStore);
            BaselineNode record = benchmark.createBaseline(baselineStore);
            assertThat(List.of(record.id(), record.layer(), record.title(), record.owner(), record.status(),
                    record.progress()))
                    .isEqualTo(List.of(node.id(), node.layer(), node.title(), node.owner(), node.status(),
                            node.progress()));
        }

        assertThat(cairnStore.cairn.count(NodeQuery.all())).isEqualTo(3);
        assertThat(baselineStore.graph.size()).isEqualTo(3);
    }

    @Test
    void getFindsTheSameNodesInBoth() {
        MemoryStoreBenchmark.BaselineTree baselineTree = buildTrees();
        ProbeCursor cairnCursor = new ProbeCursor();
        ProbeCursor baselineCursor = new ProbeCursor();

        for (int i = 0; i < 2_000; i++) {
            Node node = benchmark.get(cairnTree, cairnCursor);
            BaselineNode record = benchmark.getBaseline(baselineTree, baselineCursor);
            assertThat(record).isNotNull();
            assertThat(Map.of(record.id(), record.layer())).isEqualTo(Map.of(node.id(), node.layer()));
        }
    }

    @Test
    void descendantsFindTheSameNodesInBoth() {
        MemoryStoreBenchmark.BaselineTree baselineTree = buildTrees();

        List<String> cairnIds = benchmark.descendants(cairnTree).stream().map(Node::id).toList();
        List<String> baselineIds = benchmark.descendantsBaseline(baselineTree).stream().map(BaselineNode::id).toList();

        assertThat(cairnIds).hasSize(TREE_SIZE - 1).doesNotHaveDuplicates();
        assertThat(baselineIds).containsExactlyInAnyOrderElementsOf(cairnIds);
    }

    @Test
    void theTreeKeepsTheLayerOrderAndHasTheSizeAsked() {
        TreeShape shape = TreeShape.of(100_000);
        Map<String, TreeShape.Entry> byId = new HashMap<>();
        shape.entries().forEach(entry -> byId.put(entry.id(), entry));

        assertThat(shape.size()).isEqualTo(100_000);
        assertThat(byId).hasSize(100_000);
        assertThat(shape.entries().subList(1, shape.size())).allSatisfy(entry ->
                assertThat(byId.get(entry.parentId()).layer().isAbove(entry.layer())).isTrue());
    }

    private MemoryStoreBenchmark.BaselineTree buildTrees() {
        MemoryStoreBenchmark.BaselineTree baselineTree = new MemoryStoreBenchmark.BaselineTree();
        cairnTree.size = TREE_SIZE;
        baselineTree.size = TREE_SIZE;
        cairnTree.build();
        baselineTree.build();
        return baselineTree;
    }
}
