package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.DeleteMode;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodePatch;
import dev.cairn.core.Status;
import dev.cairn.core.run.ArtifactCheck;
import dev.cairn.core.run.CommandLease;
import dev.cairn.core.run.CommandRun;
import dev.cairn.core.spi.RunLog;
import dev.cairn.core.spi.Store;
import dev.cairn.core.spi.StoreCapability;
import dev.cairn.core.spi.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The store's side of running Commands, through the SPI's {@link RunLog}: runs numbered and recorded whole,
 * leases taken, renewed, taken over and released, and both gone with their Command. The runner on top of them
 * is in {@link CommandRunnerContractTest}. The tests run on a store that declares
 * {@link StoreCapability#COMMAND_RUNS}; on one that does not, they are skipped. A store module extends this
 * class and hands it the backend's {@link StoreFixture}, which makes a fresh, empty store for each test:
 *
 * <pre>{@code
 * class SqliteCommandRunStoreTest extends CommandRunStoreContractTest {
 *     SqliteCommandRunStoreTest() { super(SqliteFixture.inFiles()); }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class CommandRunStoreContractTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final String SHA_A = "0a".repeat(32);

    /** The backend's stores. */
    protected final StoreFixture fixture;
    /** The test's store, new and empty; closed after the test. */
    protected Store store;

    /**
     * A suite on the stores {@code fixture} makes, one for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected CommandRunStoreContractTest(StoreFixture fixture) {
        this.fixture = Objects.requireNonNull(fixture, "fixture");
    }

    /** A new, empty store; the suite closes it after the test. */
    private Store createStore() {
        return fixture.createStore();
    }

    /**
     * The capabilities whose tests run; by default those the store declares.
     *
     * @return the capabilities of the test's store
     */
    protected Set<StoreCapability> capabilities() {
        return store.capabilities();
    }

    /**
     * The runs and leases of {@code tx}, which a store that declares {@link StoreCapability#COMMAND_RUNS} gives.
     *
     * @param tx a unit of work of the test's store
     * @return its run log
     */
    protected static RunLog runLog(StoreTransaction tx) {
        return tx.runLog().orElseThrow(() -> new AssertionError(tx.getClass().getName()
                + " gives no RunLog, though its store declares " + StoreCapability.COMMAND_RUNS));
    }

    @BeforeEach
    void createCommands() {
        store = createStore();
        assumeThat(capabilities()).as("the store declares COMMAND_RUNS").contains(StoreCapability.COMMAND_RUNS);
        try (Cairn cairn = cairn()) {
            cairn.create(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "Fixtures import").id("AC-1"));
            cairn.create(NodeDraft.of(Layer.COMMAND, "Import").id("CMD-1").parents("AC-1")
                    .command(CommandSpec.of("AC-1", "true")));
            cairn.create(NodeDraft.of(Layer.COMMAND, "Export").id("CMD-2").parents("AC-1")
                    .command(CommandSpec.of("AC-1", "true")));
        }
    }

    @AfterEach
    void closeStore() {
        store.close();
        fixture.close();
    }

    private <T> T write(Function<StoreTransaction, T> work) {
        return store.write(work);
    }

    private int start(String commandId, Instant at, String actor) {
        return store.write(tx -> runLog(tx).startRun(commandId, at, actor));
    }

    private boolean change(Function<StoreTransaction, Boolean> work) {
        return store.write(work);
    }

    private Optional<CommandLease> lease(String commandId) {
        return store.read(tx -> runLog(tx).lease(commandId));
    }

    private List<CommandRun> runs(String commandId, int limit) {
        return store.read(tx -> runLog(tx).runs(commandId, limit));
    }

    private Optional<CommandRun> run(String commandId, int number) {
        return store.read(tx -> runLog(tx).run(commandId, number));
    }

    private static CommandRun ended(String commandId, int number, List<ArtifactCheck> artifacts) {
        return CommandRun.started(commandId, number, T0, "ana")
                .end(T0.plusMillis(1500), 0, false, "ok\n", "results/" + commandId + "/" + number + ".log", artifacts);
    }

    @Nested
    class Runs {
        @Test
        void runsAreNumberedFromOnePerCommand() {
            assertThat(start("CMD-1", T0, "ana")).isEqualTo(1);
            assertThat(start("CMD-1", T0.plusSeconds(1), "ana")).isEqualTo(2);
            assertThat(start("CMD-2", T0, "bo")).isEqualTo(1);
            assertThat(start("CMD-1", T0.plusSeconds(2), null)).isEqualTo(3);
        }

        @Test
        void aStartedRunHasNoEndYet() {
            write(tx -> runLog(tx).startRun("CMD-1", T0, "ana"));

            Optional<CommandRun> run = run("CMD-1", 1);

            assertThat(run).contains(CommandRun.started("CMD-1", 1, T0, "ana"));
            assertThat(run.orElseThrow().ended()).isFalse();
        }

        @Test
        void aFinishedRunKeepsEverythingItFound() {
            write(tx -> runLog(tx).startRun("CMD-1", T0, "ana"));
            CommandRun finished = CommandRun.started("CMD-1", 1, T0, "ana").end(T0.plusMillis(2345), 3, false,
                    "line 1\nligne 2 — ünïcode ✓\n", "results/CMD-1/1.log",
                    List.of(ArtifactCheck.present("out/report.txt", 1234L, SHA_A), ArtifactCheck.missing("out/b.bin"),
                            ArtifactCheck.present("empty", 0L, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")));

            assertThat(change(tx -> runLog(tx).finishRun(finished))).isTrue();

            assertThat(run("CMD-1", 1)).contains(finished);
            assertThat(runs("CMD-1", 10)).containsExactly(finished);
        }

        @Test
        void aRunThatTimedOutOrCouldNotStartHasNoExitCode() {
            write(tx -> runLog(tx).startRun("CMD-1", T0, null));
            write(tx -> runLog(tx).startRun("CMD-1", T0, null));
            CommandRun timedOut = CommandRun.started("CMD-1", 1, T0, null).end(T0.plusSeconds(60), null, true, "", null,
                    List.of());
            CommandRun notStarted = CommandRun.started("CMD-1", 2, T0, null).end(T0, null, false,
                    "cannot run program", null, List.of(ArtifactCheck.missing("x")));
            write(tx -> runLog(tx).finishRun(timedOut));
            write(tx -> runLog(tx).finishRun(notStarted));

            assertThat(runs("CMD-1", 10)).containsExactly(notStarted, timedOut);
        }

        @Test
        void aRunEndsOnce() {
            write(tx -> runLog(tx).startRun("CMD-1", T0, "ana"));
            CommandRun first = ended("CMD-1", 1, List.of(ArtifactCheck.missing("a")));
            write(tx -> runLog(tx).finishRun(first));

            boolean again = change(tx -> runLog(tx).finishRun(CommandRun.started("CMD-1", 1, T0, "ana")
                    .end(T0.plusSeconds(9), 1, false, "other", null, List.of())));

            assertThat(again).isFalse();
            assertThat(run("CMD-1", 1)).contains(first);
        }

        @Test
        void aRunNeverStartedCannotEnd() {
            assertThat(change(tx -> runLog(tx).finishRun(ended("CMD-1", 1, List.of())))).isFalse();
            assertThat(run("CMD-1", 1)).isEmpty();
        }

        @Test
        void runsAreListedNewestFirstUpToTheLimit() {
            for (int i = 0; i < 5; i++) {
                write(tx -> runLog(tx).startRun("CMD-1", T0, "ana"));
            }
            write(tx -> runLog(tx).startRun("CMD-2", T0, "ana"));

            assertThat(runs("CMD-1", 3)).extracting(CommandRun::number).containsExactly(5, 4, 3);
            assertThat(runs("CMD-1", 100)).hasSize(5);
            assertThat(runs("CMD-2", 100)).extracting(CommandRun::number).containsExactly(1);
        }

        @Test
        void aCommandWithoutRunsHasNone() {
            assertThat(runs("CMD-1", 10)).isEmpty();
            assertThat(run("CMD-1", 1)).isEmpty();
            assertThat(runs("CMD-404", 10)).isEmpty();
        }

        @Test
        void runNumbersRestartForACommandMadeAgainUnderTheSameId() {
            write(tx -> runLog(tx).startRun("CMD-1", T0, "ana"));
            write(tx -> runLog(tx).startRun("CMD-1", T0, "ana"));
            try (Cairn cairn = cairn()) {
                cairn.delete("CMD-1", DeleteMode.DETACH);
                assertThat(runs("CMD-1", 10)).isEmpty();
                cairn.create(NodeDraft.of(Layer.COMMAND, "Import again").id("CMD-1").parents("AC-1")
                        .command(CommandSpec.of("AC-1", "true")));
            }

            assertThat(start("CMD-1", T0, "ana")).isEqualTo(1);
        }

        @Test
        void runsStayWhenTheCommandChanges() {
            write(tx -> runLog(tx).startRun("CMD-1", T0, "ana"));
            write(tx -> runLog(tx).finishRun(ended("CMD-1", 1, List.of(ArtifactCheck.missing("a")))));
            try (Cairn cairn = cairn()) {
                cairn.setStatus("CMD-1", Status.IN_PROGRESS);
                cairn.update("CMD-1", NodePatch.create().title("Import, renamed")
                        .command(CommandSpec.of("AC-1", "false")));
            }

            assertThat(runs("CMD-1", 10)).containsExactly(ended("CMD-1", 1, List.of(ArtifactCheck.missing("a"))));
        }

        @Test
        void aRunStartedInAUnitOfWorkThatFailsIsNotKept() {
            assertThatThrownBy(() -> write(tx -> {
                runLog(tx).startRun("CMD-1", T0, "ana");
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");

            assertThat(runs("CMD-1", 10)).isEmpty();
            assertThat(start("CMD-1", T0, "ana")).isEqualTo(1);
        }

        @Test
        void aFinishInAUnitOfWorkThatFailsIsNotKept() {
            write(tx -> runLog(tx).startRun("CMD-1", T0, "ana"));
            assertThatThrownBy(() -> write(tx -> {
                runLog(tx).finishRun(ended("CMD-1", 1, List.of(ArtifactCheck.present("a", 1L, SHA_A))));
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");

            assertThat(run("CMD-1", 1)).contains(CommandRun.started("CMD-1", 1, T0, "ana"));
        }
    }

    @Nested
    class Leases {
        private final CommandLease leaseA = new CommandLease("CMD-1", "host-a/1/x", T0, T0.plusSeconds(60));

        @Test
        void aCommandWithoutALeaseGivesOneToTheFirstRunner() {
            assertThat(lease("CMD-1")).isEmpty();

            assertThat(change(tx -> runLog(tx).acquireLease(leaseA))).isTrue();

            assertThat(lease("CMD-1")).contains(leaseA);
        }

        @Test
        void aLiveLeaseKeepsOtherRunnersOut() {
            write(tx -> runLog(tx).acquireLease(leaseA));
            CommandLease other = new CommandLease("CMD-1", "host-b/2/y", T0.plusSeconds(59), T0.plusSeconds(119));

            assertThat(change(tx -> runLog(tx).acquireLease(other))).isFalse();
            assertThat(lease("CMD-1")).contains(leaseA);
        }

        @Test
        void theSameHolderCannotTakeItsLiveLeaseTwice() {
            write(tx -> runLog(tx).acquireLease(leaseA));

            assertThat(change(tx -> runLog(tx).acquireLease(new CommandLease("CMD-1", leaseA.holder(),
                    T0.plusSeconds(1), T0.plusSeconds(61))))).isFalse();
        }

        @Test
        void anExpiredLeaseIsTakenOver() {
            write(tx -> runLog(tx).acquireLease(leaseA));
            CommandLease other = new CommandLease("CMD-1", "host-b/2/y", T0.plusSeconds(60), T0.plusSeconds(120));

            assertThat(change(tx -> runLog(tx).acquireLease(other))).isTrue();
            assertThat(lease("CMD-1")).contains(other);
            assertThat(change(tx -> runLog(tx).renewLease("CMD-1", leaseA.holder(), T0.plusSeconds(200)))).isFalse();
            assertThat(change(tx -> runLog(tx).releaseLease("CMD-1", leaseA.holder()))).isFalse();
            assertThat(lease("CMD-1")).contains(other);
        }

        @Test
        void leasesOfOtherCommandsAreApart() {
            write(tx -> runLog(tx).acquireLease(leaseA));

            CommandLease onTwo = new CommandLease("CMD-2", "host-b/2/y", T0, T0.plusSeconds(60));
            assertThat(change(tx -> runLog(tx).acquireLease(onTwo))).isTrue();
            assertThat(lease("CMD-2")).contains(onTwo);
        }

        @Test
        void theHolderRenewsItsLease() {
            write(tx -> runLog(tx).acquireLease(leaseA));

            assertThat(change(tx -> runLog(tx).renewLease("CMD-1", leaseA.holder(), T0.plusSeconds(90)))).isTrue();

            assertThat(lease("CMD-1"))
                    .contains(new CommandLease("CMD-1", leaseA.holder(), T0, T0.plusSeconds(90)));
            assertThat(change(tx -> runLog(tx).renewLease("CMD-1", "someone-else", T0.plusSeconds(500)))).isFalse();
            assertThat(change(tx -> runLog(tx).renewLease("CMD-2", leaseA.holder(), T0.plusSeconds(500)))).isFalse();
        }

        @Test
        void onlyTheHolderReleasesItsLease() {
            write(tx -> runLog(tx).acquireLease(leaseA));

            assertThat(change(tx -> runLog(tx).releaseLease("CMD-1", "someone-else"))).isFalse();
            assertThat(lease("CMD-1")).contains(leaseA);
            assertThat(change(tx -> runLog(tx).releaseLease("CMD-1", leaseA.holder()))).isTrue();
            assertThat(lease("CMD-1")).isEmpty();
            assertThat(change(tx -> runLog(tx).releaseLease("CMD-1", leaseA.holder()))).isFalse();
        }

        @Test
        void aReleasedLeaseIsFreeForTheNextRunner() {
            write(tx -> runLog(tx).acquireLease(leaseA));
            write(tx -> runLog(tx).releaseLease("CMD-1", leaseA.holder()));
            CommandLease next = new CommandLease("CMD-1", "host-b/2/y", T0.plusSeconds(1), T0.plusSeconds(61));

            assertThat(change(tx -> runLog(tx).acquireLease(next))).isTrue();
        }

        @Test
        void aLeaseGoesWithItsCommand() {
            write(tx -> runLog(tx).acquireLease(leaseA));
            try (Cairn cairn = cairn()) {
                cairn.delete("CMD-1", DeleteMode.DETACH);
            }

            assertThat(lease("CMD-1")).isEmpty();
        }

        @Test
        void aLeaseTakenInAUnitOfWorkThatFailsIsNotKept() {
            assertThatThrownBy(() -> write(tx -> {
                runLog(tx).acquireLease(leaseA);
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");

            assertThat(lease("CMD-1")).isEmpty();
        }

        @Test
        void aLeaseKeepsItsTimesToTheMillisecond() {
            CommandLease precise = new CommandLease("CMD-1", "h", T0.plusMillis(1), T0.plus(Duration.ofMillis(60_001)));
            write(tx -> runLog(tx).acquireLease(precise));

            assertThat(lease("CMD-1")).contains(precise);
        }
    }

    /** A Cairn over the test's store that leaves it open when closed. */
    private Cairn cairn() {
        return Cairn.over(new Store() {
            @Override
            public <T> T read(Function<StoreTransaction, T> work) {
                return store.read(work);
            }

            @Override
            public <T> T write(Function<StoreTransaction, T> work) {
                return store.write(work);
            }

            @Override
            public String backend() {
                return store.backend();
            }
        }, CairnConfig.of("test:"));
    }
}
