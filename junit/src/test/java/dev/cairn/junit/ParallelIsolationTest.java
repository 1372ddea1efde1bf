package dev.cairn.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Cairn;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Four tests of a sample class run at the same time (each waits until all four have started), each writes to its
 * store and sees only its own node; afterwards no store is left: the SQLite folders deleted, the schemas dropped.
 */
@Execution(ExecutionMode.SAME_THREAD)
class ParallelIsolationTest {
    private static final int TESTS = 4;

    /** What the samples saw, by sample class: the URL of each test's store. */
    static final Map<Class<?>, Set<String>> URLS = new ConcurrentHashMap<>();
    static final Map<Class<?>, CountDownLatch> STARTED = new ConcurrentHashMap<>();

    @ExtendWith(SampleOnly.class)
    abstract static class Sample {
        void work(Cairn cairn, TestInfo test) throws InterruptedException {
            CountDownLatch started = STARTED.computeIfAbsent(getClass(), ignored -> new CountDownLatch(TESTS));
            started.countDown();
            assertThat(started.await(2, TimeUnit.MINUTES)).as("all four tests run at once").isTrue();
            String title = test.getDisplayName();
            cairn.create(NodeDraft.of(Layer.GOAL, title));
            List<Node> nodes = cairn.find(NodeQuery.all());
            assertThat(nodes).extracting(Node::title).containsExactly(title);
            URLS.computeIfAbsent(getClass(), ignored -> ConcurrentHashMap.newKeySet()).add(cairn.config().url());
        }

        @Test
        void one(Cairn cairn, TestInfo test) throws InterruptedException {
            work(cairn, test);
        }

        @Test
        void two(Cairn cairn, TestInfo test) throws InterruptedException {
            work(cairn, test);
        }

        @Test
        void three(Cairn cairn, TestInfo test) throws InterruptedException {
            work(cairn, test);
        }

        @Test
        void four(Cairn cairn, TestInfo test) throws InterruptedException {
            work(cairn, test);
        }
    }

    @CairnTest(backend = Backend.SQLITE)
    static class SqliteSample extends Sample {
    }

    @CairnTest(backend = Backend.POSTGRESQL)
    static class PostgresSample extends Sample {
    }

    @CairnTest
    static class MemorySample extends Sample {
    }

    @Test
    void memoryStoresAreApart() {
        run(MemorySample.class);
        assertThat(URLS.get(MemorySample.class)).containsExactly("memory:");
    }

    @Test
    void sqliteFilesAreApartAndDeletedAfterwards() {
        run(SqliteSample.class);
        Set<String> urls = URLS.get(SqliteSample.class);
        assertThat(urls).hasSize(TESTS).allMatch(url -> url.startsWith("sqlite:"));
        for (String url : urls) {
            Path file = Path.of(url.substring("sqlite:".length()));
            assertThat(file).doesNotExist();
            assertThat(file.getParent()).doesNotExist();
        }
    }

    @Test
    void postgresSchemasAreApartAndDroppedAfterwards() throws Exception {
        run(PostgresSample.class);
        Set<String> urls = URLS.get(PostgresSample.class);
        assertThat(urls).hasSize(TESTS);
        for (String url : urls) {
            String schema = Samples.schemaOf(url);
            assertThat(schema).startsWith("cairn_test_");
            assertThat(Samples.schemaExists(schema)).as(schema).isFalse();
        }
    }

    private static void run(Class<?> sample) {
        EngineExecutionResults results = Samples.run(sample);
        results.testEvents().assertStatistics(stats -> stats.started(TESTS).succeeded(TESTS).failed(0));
    }
}
