package dev.cairn.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.StoreConfigurationException;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runner over a store whose transactions give no RunLog says so, naming the store, and runs nothing. */
class StoreWithoutRunsTest {
    @TempDir
    Path base;

    private Cairn cairn;
    private CommandRunner runner;

    @BeforeEach
    void createCommand() {
        cairn = Cairn.over(new NodesOnlyStore(), CairnConfig.of("test:no-runs"));
        cairn.create(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "It works").id("AC-WORKS"));
        cairn.create(NodeDraft.of(Layer.COMMAND, "Check").id("CMD-CHECK").parents("AC-WORKS")
                .command(CommandSpec.of("AC-WORKS", "touch ran")));
        runner = CommandRunner.of(cairn).baseFolder(base);
    }

    @Test
    void planningAndRunningNameTheStoreAndRunNothing() {
        assertNamesTheStore(() -> runner.plan("CMD-CHECK"));
        assertNamesTheStore(() -> runner.run("CMD-CHECK"));

        assertThat(base).isEmptyDirectory();
    }

    @Test
    void readingRunsAndLeasesNamesTheStore() {
        assertNamesTheStore(() -> runner.runs("CMD-CHECK", 10));
        assertNamesTheStore(() -> runner.findRun("CMD-CHECK", 1));
        assertNamesTheStore(() -> runner.lease("CMD-CHECK"));
    }

    private static void assertNamesTheStore(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(StoreConfigurationException.class)
                .hasMessageContaining("The nodes-only store test:no-runs (" + NodesOnlyStore.class.getName() + ")")
                .hasMessageContaining("keeps no Command runs")
                .hasMessageContaining("StoreCapability.COMMAND_RUNS");
    }
}
