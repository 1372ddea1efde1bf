package dev.cairn.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Cairn;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A static field's store lives as long as its class, then is removed; a misplaced annotation is named. */
@Execution(ExecutionMode.SAME_THREAD)
class PerClassStoreTest {
    static final List<String> URLS = new CopyOnWriteArrayList<>();

    @CairnTest(backend = Backend.SQLITE)
    @ExtendWith(SampleOnly.class)
    @Execution(ExecutionMode.SAME_THREAD)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SharedSample {
        @CairnStore
        static Cairn shared;

        @Test
        @Order(1)
        void writes() {
            shared.create(NodeDraft.of(Layer.GOAL, "kept for the class"));
            URLS.add(shared.config().url());
        }

        @Test
        @Order(2)
        void readsWhatTheFirstTestWrote(Cairn own) {
            assertThat(shared.count(NodeQuery.all())).isEqualTo(1);
            assertThat(own.count(NodeQuery.all())).as("a parameter's store is the test's own").isZero();
            URLS.add(shared.config().url());
        }
    }

    @CairnTest
    @ExtendWith(SampleOnly.class)
    static class WrongFieldSample {
        @CairnStore
        String notAStore;

        @Test
        void never() {
        }
    }

    @Test
    void aStaticFieldsStoreIsSharedByTheClassAndRemovedAfterIt() {
        EngineExecutionResults results = Samples.run(SharedSample.class, Map.of());
        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(URLS).hasSize(2).containsOnly(URLS.get(0));
        Path file = Path.of(URLS.get(0).substring("sqlite:".length()));
        assertThat(file.getParent()).doesNotExist();
    }

    @Test
    void aMarkedFieldOfAnotherTypeIsNamed() {
        EngineExecutionResults results = Samples.run(WrongFieldSample.class, Map.of());
        results.testEvents().assertStatistics(stats -> stats.failed(1));
        Throwable failure = results.testEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).hasMessageContaining("notAStore").hasMessageContaining("non-final Cairn");
    }
}
