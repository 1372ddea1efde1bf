package dev.cairn.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.CommandSpec;
import dev.cairn.core.Event;
import dev.cairn.core.EventType;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.RunSpec;
import dev.cairn.core.Status;
import dev.cairn.core.ValidationException;
import dev.cairn.core.copy.StoreCopy;
import dev.cairn.core.doctor.Doctor;
import dev.cairn.core.io.ImportMode;
import dev.cairn.core.io.PlanExport;
import dev.cairn.core.io.PlanImport;
import dev.cairn.core.run.ArtifactCheck;
import dev.cairn.core.run.CommandLease;
import dev.cairn.core.run.CommandRun;
import dev.cairn.core.spi.RunLog;
import dev.cairn.core.spi.Store;
import dev.cairn.runner.CommandRunner;
import dev.cairn.runner.PlannedRun;
import dev.cairn.runner.RunListener;
import dev.cairn.runner.RunOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running Command nodes with {@link CommandRunner}, each run recorded in the store under test: real processes
 * through {@code sh -c}, in a temporary base folder. A store module extends this class and hands it the
 * backend's {@link StoreFixture}:
 *
 * <pre>{@code
 * class SqliteCommandRunnerTest extends CommandRunnerContractTest {
 *     SqliteCommandRunnerTest() { super(SqliteFixture.inFiles()); }
 * }
 * }</pre>
 *
 * <p>Not thread-safe: JUnit makes an instance per test.
 */
public abstract class CommandRunnerContractTest {
    private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");
    private static final String HELLO_SHA256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

    /** The base folder of the test's runner: a temporary folder, deleted after the test. */
    @TempDir
    protected Path base;

    /** The backend's stores. */
    protected final StoreFixture fixture;
    /** The test's clock; only the test moves it. */
    protected TestClock clock;
    /** A facade over the test's store. */
    protected Cairn cairn;

    /**
     * A suite on the stores {@code fixture} makes, one or more for each test.
     *
     * @param fixture the backend's stores, and how to open them
     */
    protected CommandRunnerContractTest(StoreFixture fixture) {
        this.fixture = Objects.requireNonNull(fixture, "fixture");
    }

    /** A new, empty store on each call; the suite closes it after the test. */
    private Store createStore() {
        return fixture.createStore();
    }

    @BeforeEach
    void openStore() {
        clock = new TestClock(START);
        cairn = open(createStore());
        cairn.create(NodeDraft.of(Layer.GOAL, "Ship").id("GOAL-SHIP"));
        cairn.create(NodeDraft.of(Layer.ACCEPTANCE_CRITERIA, "It works").id("AC-WORKS").parents("GOAL-SHIP"));
    }

    @AfterEach
    void closeStore() {
        cairn.close();
        fixture.close();
    }

    private Cairn open(Store store) {
        // A URL of its own for each, so that a copy between two of them is not taken for a copy onto itself.
        return Cairn.over(store, CairnConfig.builder("test:" + UUID.randomUUID()).clock(clock).actor("runner-tck").build());
    }

    private void command(String id, String shell) {
        command(id, new RunSpec(shell, null, Map.of()), List.of());
    }

    private void command(String id, RunSpec run, List<String> artifacts) {
        cairn.create(NodeDraft.of(Layer.COMMAND, "Check " + id).id(id).parents("AC-WORKS")
                .command(new CommandSpec("AC-WORKS", run, artifacts)));
    }

    private CommandRunner runner() {
        return CommandRunner.of(cairn).baseFolder(base).timeout(Duration.ofSeconds(30));
    }

    private RunOutcome runOne(CommandRunner runner, String id) {
        List<RunOutcome> outcomes = runner.run(id);
        assertThat(outcomes).hasSize(1);
        return outcomes.get(0);
    }

    private String read(String relative) {
        try {
            return Files.readString(base.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class Runs {
        @Test
        void aPassingCommandIsRecordedWithItsArtifact() {
            command("CMD-PASS", new RunSpec("mkdir -p out && printf hello > out/report.txt && echo done", null,
                    Map.of()), List.of("out/report.txt"));

            RunOutcome outcome = runOne(runner(), "CMD-PASS");

            CommandRun run = outcome.run();
            assertThat(outcome.passed()).isTrue();
            assertThat(run.number()).isEqualTo(1);
            assertThat(run.exitCode()).isZero();
            assertThat(run.timedOut()).isFalse();
            assertThat(run.startedAt()).isEqualTo(START);
            assertThat(run.actor()).isEqualTo("runner-tck");
            assertThat(run.artifacts()).containsExactly(ArtifactCheck.present("out/report.txt", 5, HELLO_SHA256));
            assertThat(run.logPath()).isEqualTo("results/CMD-PASS/1.log");
            assertThat(read("results/CMD-PASS/1.log")).isEqualTo("done\n");
            assertThat(run.outputTail()).isEqualTo("done\n");
            assertThat(runner().runs("CMD-PASS", 10)).containsExactly(run);
        }

        @Test
        void aFailingCommandIsRecordedWithItsExitCodeOutputAndMissingArtifact() {
            command("CMD-FAIL", new RunSpec("echo starting; echo 'broken: no such table' >&2; exit 3", null, Map.of()),
                    List.of("out/never.txt"));

            RunOutcome outcome = runOne(runner(), "CMD-FAIL");

            assertThat(outcome.passed()).isFalse();
            assertThat(outcome.run().exitCode()).isEqualTo(3);
            assertThat(outcome.run().outputTail()).isEqualTo("starting\nbroken: no such table\n");
            assertThat(outcome.run().artifacts()).containsExactly(ArtifactCheck.missing("out/never.txt"));
            assertThat(outcome.run().missingArtifacts()).containsExactly("out/never.txt");
            assertThat(runner().runs("CMD-FAIL", 10)).containsExactly(outcome.run());
        }

        @Test
        void exitCodeZeroWithAMissingArtifactDoesNotPass() {
            command("CMD-HALF", new RunSpec("true", null, Map.of()), List.of("report.txt"));

            RunOutcome outcome = runOne(runner(), "CMD-HALF");

            assertThat(outcome.run().exitCode()).isZero();
            assertThat(outcome.passed()).isFalse();
        }

        @Test
        void eachRunGetsTheNextNumberAndALogOfItsOwn() {
            command("CMD-TWICE", "echo run at $(date +%N)");

            runOne(runner(), "CMD-TWICE");
            RunOutcome second = runOne(runner(), "CMD-TWICE");

            assertThat(second.run().number()).isEqualTo(2);
            assertThat(second.run().logPath()).isEqualTo("results/CMD-TWICE/2.log");
            assertThat(base.resolve("results/CMD-TWICE/1.log")).exists();
            assertThat(runner().runs("CMD-TWICE", 10)).extracting(CommandRun::number).containsExactly(2, 1);
            assertThat(runner().findRun("CMD-TWICE", 1)).isPresent();
        }

        @Test
        void theStoreKeepsOnlyTheEndOfALongOutputAndTheLogKeepsAll() {
            // 200,000 lines of 7 bytes: 1.4 MB of output.
            command("CMD-LOUD", "i=0; while [ $i -lt 200000 ]; do echo line-$((i % 10)); i=$((i + 1)); done; echo last");

            RunOutcome outcome = runOne(runner(), "CMD-LOUD");

            String tail = outcome.run().outputTail();
            assertThat(tail.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(CommandRun.MAX_TAIL_BYTES);
            assertThat(tail).endsWith("line-9\nlast\n");
            assertThat(base.resolve("results/CMD-LOUD/1.log")).hasSize(200_000L * 7 + 5);
        }

        @Test
        void theEnvironmentAndWorkdirOfTheSpecAreHonoured() throws IOException {
            Files.createDirectories(base.resolve("modules/core"));
            command("CMD-ENV", new RunSpec("pwd > where.txt; printf '%s|%s|%s' \"$GREETING\" \"$FROM_CALLER\" \"$SHARED\" > env.txt",
                    "modules/core", Map.of("GREETING", "hello", "SHARED", "from spec")), List.of("modules/core/env.txt"));
            Map<String, String> caller = new HashMap<>(System.getenv());
            caller.put("FROM_CALLER", "caller");
            caller.put("SHARED", "from caller");

            RunOutcome outcome = runOne(runner().environment(caller), "CMD-ENV");

            assertThat(outcome.passed()).isTrue();
            assertThat(Path.of(read("modules/core/where.txt").strip()).toRealPath())
                    .isEqualTo(base.resolve("modules/core").toRealPath());
            assertThat(read("modules/core/env.txt")).isEqualTo("hello|caller|from spec");
        }

        @Test
        void anEnvValueWithShellMetacharactersIsPassedAsAValue() {
            String tricky = "$(touch pwned) `touch pwned2` ; rm -rf ./keep && echo \"quoted\" 'single' | * ~ $HOME \\ \n"
                    + "second line > redirected";
            command("CMD-TRICKY", new RunSpec("printf '%s' \"$TRICKY\" > tricky.txt", null, Map.of("TRICKY", tricky)),
                    List.of("tricky.txt"));

            RunOutcome outcome = runOne(runner(), "CMD-TRICKY");

            assertThat(outcome.passed()).isTrue();
            assertThat(read("tricky.txt")).isEqualTo(tricky);
            assertThat(base.resolve("pwned")).doesNotExist();
            assertThat(base.resolve("pwned2")).doesNotExist();
            assertThat(base.resolve("redirected")).doesNotExist();
        }

        @Test
        void aCommandThatCannotStartIsRecordedWithoutAnExitCode() throws IOException {
            Files.createDirectories(base.resolve("gone"));
            command("CMD-NOWHERE", new RunSpec("true", "gone", Map.of()), List.of());
            Files.delete(base.resolve("gone"));

            RunOutcome outcome = runOne(runner(), "CMD-NOWHERE");

            assertThat(outcome.run().ended()).isTrue();
            assertThat(outcome.run().exitCode()).isNull();
            assertThat(outcome.passed()).isFalse();
            assertThat(outcome.note()).contains("could not start");
            assertThat(outcome.run().outputTail()).contains("could not start");
        }

        @Test
        void aRunNeverOverwritesALogLeftBefore() throws IOException {
            command("CMD-PASS", "echo new");
            Files.createDirectories(base.resolve("results/CMD-PASS"));
            Files.writeString(base.resolve("results/CMD-PASS/1.log"), "from another store\n");

            RunOutcome outcome = runOne(runner(), "CMD-PASS");

            assertThat(outcome.run().number()).isEqualTo(1);
            assertThat(outcome.run().logPath()).isEqualTo("results/CMD-PASS/1-2.log");
            assertThat(read("results/CMD-PASS/1.log")).isEqualTo("from another store\n");
            assertThat(read("results/CMD-PASS/1-2.log")).isEqualTo("new\n");
        }

        @Test
        void anArtifactAnEarlierRunLeftCountsUnlessRemovedFirst() {
            command("CMD-STALE", new RunSpec("test -f go && printf hello > report.txt; true", null, Map.of()),
                    List.of("report.txt"));
            write("go", "");
            assertThat(runOne(runner(), "CMD-STALE").passed()).isTrue();
            deleteFile("go");

            assertThat(runOne(runner(), "CMD-STALE").passed()).as("the report of the first run is still there").isTrue();
            RunOutcome cleaned = runOne(runner().removeArtifactsFirst(true), "CMD-STALE");

            assertThat(cleaned.passed()).isFalse();
            assertThat(cleaned.run().missingArtifacts()).containsExactly("report.txt");
        }

        @Test
        void aListenerThatFailsStopsTheRunnerButTheRunIsEndedAndTheLeaseReleased() {
            command("CMD-PASS", "touch ran");
            CommandRunner runner = runner().listener(new RunListener() {
                @Override
                public void starting(PlannedRun plan, int number) {
                    throw new IllegalStateException("listener broke");
                }
            });

            assertThatThrownBy(() -> runner.run("CMD-PASS")).hasMessage("listener broke");

            assertThat(base.resolve("ran")).doesNotExist();
            assertThat(runner().lease("CMD-PASS")).isEmpty();
            assertThat(runner().runs("CMD-PASS", 10)).singleElement().satisfies(run -> {
                assertThat(run.ended()).isTrue();
                assertThat(run.exitCode()).isNull();
            });
        }

        @Test
        void aCommandDeletedBeforeItsTurnIsReportedNotRun() {
            command("CMD-A", "true");
            command("CMD-B", "touch b");
            CommandRunner runner = runner().listener(new RunListener() {
                @Override
                public void finished(RunOutcome outcome) {
                    if (outcome.commandId().equals("CMD-A")) {
                        cairn.delete("CMD-B", dev.cairn.core.DeleteMode.DETACH);
                    }
                }
            });

            List<RunOutcome> outcomes = runner.run("AC-WORKS");

            assertThat(outcomes).extracting(RunOutcome::commandId).containsExactly("CMD-A", "CMD-B");
            assertThat(outcomes.get(1).run()).isNull();
            assertThat(outcomes.get(1).busy()).isFalse();
            assertThat(outcomes.get(1).note()).contains("not run").contains("CMD-B");
            assertThat(base.resolve("b")).doesNotExist();
        }

        @Test
        void theResultsFolderCanBeElsewhere() {
            command("CMD-PASS", "echo elsewhere");
            Path results = base.resolve("../" + base.getFileName() + "-results").normalize();

            RunOutcome outcome = runOne(runner().resultsFolder(results), "CMD-PASS");

            assertThat(results.resolve("CMD-PASS/1.log")).hasContent("elsewhere");
            assertThat(outcome.run().logPath()).isEqualTo(results.resolve("CMD-PASS/1.log").toString());
        }
    }

    @Nested
    class Timeouts {
        @Test
        void aRunPastItsTimeoutIsStoppedWithTheProcessesStillBelowIt() {
            // The shell, a background sleep, and a nested shell with its sleep.
            command("CMD-SLOW", "sleep 300 & echo $! >> pids; sh -c 'echo $$ >> pids; exec sleep 301' & echo $! >> pids; "
                    + "echo $$ >> pids; wait");

            RunOutcome outcome = runOne(runner().timeout(Duration.ofSeconds(1)), "CMD-SLOW");

            assertThat(outcome.run().timedOut()).isTrue();
            assertThat(outcome.run().exitCode()).isNull();
            assertThat(outcome.passed()).isFalse();
            assertThat(outcome.run().outputTail()).contains("timeout");
            assertStopped(read("pids").lines().map(Long::parseLong).toList(), 4);
        }

        @Test
        void aRunPastItsTimeoutIsStoppedWithProcessesThatLeftItsTreeOrGroup() {
            assumeTrue(CommandRunner.stopsEveryProcess(), "this platform stops only the processes below the shell");
            // An orphan (its parent shell exits at once), a process group of its own (timeout(1) makes one), then
            // the shell waits for what is left.
            command("CMD-SLOW", "sh -c 'sleep 302 & echo $! >> pids'; timeout 400 sleep 303 & echo $! >> pids; "
                    + "echo $$ >> pids; wait");

            RunOutcome outcome = runOne(runner().timeout(Duration.ofSeconds(1)), "CMD-SLOW");

            assertThat(outcome.run().timedOut()).isTrue();
            assertStopped(read("pids").lines().map(Long::parseLong).toList(), 3);
        }

        @Test
        void whatAPassingRunLeftInTheBackgroundIsStopped() {
            assumeTrue(CommandRunner.stopsEveryProcess(), "this platform stops only the processes below the shell");
            command("CMD-DAEMON", "sleep 300 & echo $! > bg.pid; timeout 400 sleep 304 & echo $! >> bg.pid; echo started");

            RunOutcome outcome = runOne(runner(), "CMD-DAEMON");

            assertThat(outcome.run().exitCode()).isZero();
            assertStopped(read("bg.pid").lines().map(Long::parseLong).toList(), 2);
        }

        private void assertStopped(List<Long> pids, int expected) {
            assertThat(pids).hasSize(expected);
            assertThat(pids).allSatisfy(pid -> assertThat(running(pid)).as("process %d still runs", pid).isFalse());
        }
    }

    /** Whether {@code pid} runs: a zombie (ended, not yet reaped by whoever adopted it) does not. */
    static boolean running(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (Files.isDirectory(Path.of("/proc/self"))) {
            try {
                String text = Files.readString(stat, StandardCharsets.ISO_8859_1);
                char state = text.charAt(text.lastIndexOf(')') + 2);
                return state != 'Z' && state != 'X';
            } catch (IOException gone) {
                return false;
            }
        }
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Nested
    class StatusMoves {
        @Test
        void withoutBeingAskedARunMovesNoStatus() {
            command("CMD-PASS", "true");

            RunOutcome outcome = runOne(runner(), "CMD-PASS");

            assertThat(outcome.statusAfter()).isEqualTo(Status.PLANNED);
            assertThat(cairn.get("CMD-PASS").status()).isEqualTo(Status.PLANNED);
            assertThat(cairn.history("CMD-PASS")).extracting(Event::type).containsExactly(EventType.CREATED, EventType.LINKED);
        }

        @Test
        void aPassingRunMovesItsCommandToCompletedThroughInProgress() {
            command("CMD-PASS", "true");

            RunOutcome outcome = runOne(runner().moveStatus(true), "CMD-PASS");

            assertThat(outcome.statusBefore()).isEqualTo(Status.PLANNED);
            assertThat(outcome.statusAfter()).isEqualTo(Status.COMPLETED);
            assertThat(cairn.get("CMD-PASS").status()).isEqualTo(Status.COMPLETED);
            assertThat(cairn.get("CMD-PASS").progress()).isEqualTo(100);
            assertThat(cairn.history("CMD-PASS")).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.LINKED, EventType.STATUS_CHANGED, EventType.STATUS_CHANGED);
        }

        @Test
        void aFailingRunMovesItsCommandToBlocked() {
            command("CMD-FAIL", "exit 1");

            RunOutcome outcome = runOne(runner().moveStatus(true), "CMD-FAIL");

            assertThat(outcome.statusAfter()).isEqualTo(Status.BLOCKED);
            assertThat(cairn.get("CMD-FAIL").status()).isEqualTo(Status.BLOCKED);
            assertThat(cairn.history("CMD-FAIL")).extracting(Event::type)
                    .containsExactly(EventType.CREATED, EventType.LINKED, EventType.STATUS_CHANGED);
        }

        @Test
        void aCompletedCommandThatFailsAgainIsReopenedAndBlocked() {
            command("CMD-REGRESS", "test -f ok");
            write("ok", "");
            runOne(runner().moveStatus(true), "CMD-REGRESS");
            deleteFile("ok");

            RunOutcome outcome = runOne(runner().moveStatus(true), "CMD-REGRESS");

            assertThat(outcome.statusBefore()).isEqualTo(Status.COMPLETED);
            assertThat(outcome.statusAfter()).isEqualTo(Status.BLOCKED);
            assertThat(cairn.get("CMD-REGRESS").status()).isEqualTo(Status.BLOCKED);
        }

        @Test
        void aRunThatCouldNotStartMovesNoStatus() throws IOException {
            Files.createDirectories(base.resolve("gone"));
            command("CMD-NOWHERE", new RunSpec("true", "gone", Map.of()), List.of());
            Files.delete(base.resolve("gone"));

            RunOutcome outcome = runOne(runner().moveStatus(true), "CMD-NOWHERE");

            assertThat(outcome.statusAfter()).isEqualTo(Status.PLANNED);
            assertThat(outcome.note()).contains("status left planned");
            assertThat(cairn.get("CMD-NOWHERE").status()).isEqualTo(Status.PLANNED);
        }

        @Test
        void aBlockedCommandThatPassesIsCompleted() {
            command("CMD-FLAKY", "test -f ok");
            runOne(runner().moveStatus(true), "CMD-FLAKY");
            write("ok", "");

            RunOutcome outcome = runOne(runner().moveStatus(true), "CMD-FLAKY");

            assertThat(outcome.statusBefore()).isEqualTo(Status.BLOCKED);
            assertThat(outcome.statusAfter()).isEqualTo(Status.COMPLETED);
        }
    }

    private void write(String relative, String content) {
        try {
            Files.writeString(base.resolve(relative), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void deleteFile(String relative) {
        try {
            Files.delete(base.resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Nested
    class Leases {
        @Test
        void aCommandHeldByAnotherRunnerIsNotRun() {
            command("CMD-HELD", "touch ran");
            CommandLease other = new CommandLease("CMD-HELD", "other-host/4242/beef", START, START.plusSeconds(60));
            cairn.store().write(tx -> tx.runLog().orElseThrow().acquireLease(other));

            RunOutcome outcome = runOne(runner(), "CMD-HELD");

            assertThat(outcome.run()).isNull();
            assertThat(outcome.busy()).isTrue();
            assertThat(outcome.heldBy()).isEqualTo(other);
            assertThat(outcome.passed()).isFalse();
            assertThat(outcome.note()).contains("other-host/4242/beef");
            assertThat(base.resolve("ran")).doesNotExist();
            assertThat(runner().runs("CMD-HELD", 10)).isEmpty();
            assertThat(runner().lease("CMD-HELD")).contains(other);
        }

        @Test
        void aLeaseLeftByARunnerThatDiedIsTakenOverOnceExpired() {
            command("CMD-HELD", "touch ran");
            // What a runner killed halfway leaves: its lease, and its run started without an end.
            cairn.store().write(tx -> {
                RunLog runs = tx.runLog().orElseThrow();
                runs.acquireLease(new CommandLease("CMD-HELD", "dead-host/1/dead", START, START.plusSeconds(60)));
                return runs.startRun("CMD-HELD", START, "dead");
            });
            clock.advance(Duration.ofSeconds(61));

            RunOutcome outcome = runOne(runner(), "CMD-HELD");

            assertThat(outcome.passed()).isTrue();
            assertThat(outcome.run().number()).isEqualTo(2);
            assertThat(base.resolve("ran")).exists();
            assertThat(runner().lease("CMD-HELD")).isEmpty();
            assertThat(runner().runs("CMD-HELD", 10)).extracting(CommandRun::number, CommandRun::ended)
                    .containsExactly(tuple(2, true), tuple(1, false));
        }

        @Test
        void aRunReleasesItsLease() {
            command("CMD-PASS", "true");

            runOne(runner(), "CMD-PASS");

            assertThat(runner().lease("CMD-PASS")).isEmpty();
        }

        @Test
        void aRunnerRenewsItsLeaseWhileItsCommandRuns() throws Exception {
            command("CMD-WAIT", "echo started > started; while [ ! -f release ]; do sleep 0.05; done");
            CommandRunner runner = runner().leaseTime(Duration.ofMillis(300));
            CompletableFuture<List<RunOutcome>> running = CompletableFuture.supplyAsync(() -> runner.run("CMD-WAIT"));
            awaitFile("started");
            // Ten minutes pass on the store's clock: without renewals the lease, taken for 300 ms, would lapse.
            Instant later = clock.advance(Duration.ofMinutes(10));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!runner().lease("CMD-WAIT").map(lease -> lease.expiresAt().isAfter(later)).orElse(false)
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            RunOutcome second = runOne(runner(), "CMD-WAIT");
            write("release", "");
            RunOutcome first = running.get(60, TimeUnit.SECONDS).get(0);

            assertThat(second.run()).as("a second runner while the first renews its lease").isNull();
            assertThat(first.passed()).isTrue();
            assertThat(first.note()).isEmpty();
        }

        private void awaitFile(String relative) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!Files.exists(base.resolve(relative)) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }

        @Test
        void theSameCommandDoesNotRunTwiceAtOnce() throws Exception {
            command("CMD-WAIT", "echo started > started; while [ ! -f release ]; do sleep 0.05; done; echo $$ >> runs");
            CompletableFuture<List<RunOutcome>> first = CompletableFuture.supplyAsync(() -> runner().run("CMD-WAIT"));
            awaitFile("started");
            assertThat(runner().lease("CMD-WAIT")).isPresent();

            RunOutcome second = runOne(runner(), "CMD-WAIT");
            write("release", "");
            RunOutcome firstOutcome = first.get(60, TimeUnit.SECONDS).get(0);

            assertThat(second.run()).isNull();
            assertThat(second.note()).contains("is being run by");
            assertThat(firstOutcome.passed()).isTrue();
            assertThat(read("runs").lines()).hasSize(1);
            assertThat(runner().runs("CMD-WAIT", 10)).hasSize(1);
        }
    }

    @Nested
    class Planning {
        @Test
        void aDryRunSaysWhatWouldRunAndRunsNothing() throws IOException {
            Files.createDirectories(base.resolve("sub"));
            command("CMD-B", new RunSpec("touch b", "sub", Map.of("MODE", "ci")), List.of("sub/b", "sub/b"));
            command("CMD-A", "touch a");

            List<PlannedRun> plans = runner().plan("GOAL-SHIP");

            assertThat(plans).extracting(PlannedRun::commandId).containsExactly("CMD-A", "CMD-B");
            PlannedRun b = plans.get(1);
            assertThat(b.shell()).isEqualTo("touch b");
            assertThat(b.workdir()).isEqualTo(base.resolve("sub"));
            assertThat(b.env()).isEqualTo(Map.of("MODE", "ci"));
            assertThat(b.artifacts()).containsExactly("sub/b");
            assertThat(b.log()).isEqualTo(base.resolve("results/CMD-B/1.log"));
            assertThat(base.resolve("a")).doesNotExist();
            assertThat(base.resolve("sub/b")).doesNotExist();
            assertThat(base.resolve("results")).doesNotExist();
            assertThat(runner().runs("CMD-A", 10)).isEmpty();
        }

        @Test
        void allCommandsUnderANodeRunInIdOrderAndCancelledOnesAreLeftOut() {
            command("CMD-B", "echo b >> order");
            command("CMD-A", "echo a >> order");
            command("CMD-C", "echo c >> order");
            cairn.setStatus("CMD-C", Status.CANCELLED);

            List<RunOutcome> outcomes = runner().run("AC-WORKS");

            assertThat(outcomes).extracting(RunOutcome::commandId).containsExactly("CMD-A", "CMD-B");
            assertThat(read("order")).isEqualTo("a\nb\n");
            assertThat(runOne(runner(), "CMD-C").passed()).isTrue();
        }

        @Test
        void stoppingAtTheFirstFailureLeavesTheRest() {
            command("CMD-A", "exit 1");
            command("CMD-B", "touch b");

            List<RunOutcome> outcomes = runner().stopAtFirstFailure(true).run("AC-WORKS");

            assertThat(outcomes).extracting(RunOutcome::commandId).containsExactly("CMD-A");
            assertThat(base.resolve("b")).doesNotExist();
        }

        @Test
        void aWorkdirOrArtifactOutsideTheBaseFolderIsRefusedBeforeAnythingRuns() {
            command("CMD-A", "touch a");
            command("CMD-OUT", new RunSpec("touch x", "../elsewhere", Map.of()), List.of("/etc/passwd", "../../x"));

            assertThatThrownBy(() -> runner().run("AC-WORKS"))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("CMD-OUT.command.run.workdir = '../elsewhere'")
                    .hasMessageContaining("CMD-OUT.command.artifacts = '/etc/passwd'")
                    .hasMessageContaining("CMD-OUT.command.artifacts = '../../x'");
            assertThat(base.resolve("a")).doesNotExist();
            assertThat(runner().runs("CMD-A", 10)).isEmpty();
        }

        @Test
        void aCommandWithoutSpecCannotRun() {
            cairn.create(NodeDraft.of(Layer.COMMAND, "No spec").id("CMD-BARE").parents("AC-WORKS"));

            assertThatThrownBy(() -> runner().run("CMD-BARE"))
                    .isInstanceOf(ValidationException.class)
                    .hasMessageContaining("CMD-BARE.command");
        }

        @Test
        void anUnknownNodeIsNamed() {
            assertThatThrownBy(() -> runner().run("CMD-NONE"))
                    .isInstanceOf(dev.cairn.core.NoSuchNodeException.class)
                    .hasMessageContaining("CMD-NONE");
        }

        @Test
        void settingsThatCannotWorkAreRefusedWhenGiven() {
            assertThatThrownBy(() -> runner().environment(Map.of("A=B", "x")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A=B");
            assertThatThrownBy(() -> runner().environment(Map.of("", "x"))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> runner().environment(Map.of("A", "nul\0")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
            assertThatThrownBy(() -> runner().timeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> runner().timeout(Duration.ofNanos(10))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> runner().timeout(java.time.temporal.ChronoUnit.FOREVER.getDuration()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("366 days");
            assertThatThrownBy(() -> runner().leaseTime(Duration.ofMillis(-5))).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aNodeWithoutCommandsBelowPlansNothing() {
            assertThat(runner().plan("AC-WORKS")).isEmpty();
            assertThat(runner().run("AC-WORKS")).isEmpty();
        }
    }

    @Nested
    class NothingRunsUnasked {
        @Test
        void exportImportCopyDoctorAndReopeningRunNoCommand() throws IOException {
            Path marker = base.resolve("ran");
            command("CMD-MARK", "touch '" + marker + "'");
            PlanExport.from(cairn).toFile(base.resolve("plan.yaml"));
            PlanExport.from(cairn).toTree(base.resolve("tree"));
            try (Cairn second = open(createStore()); Cairn third = open(createStore())) {
                PlanImport.into(second).fromFile(base.resolve("plan.yaml"));
                PlanImport.into(second).mode(ImportMode.UPDATE).fromTree(base.resolve("tree"));
                StoreCopy.from(cairn).to(third).run();
                Doctor.examine(third);
                assertThat(runner().runs("CMD-MARK", 10)).isEmpty();
                assertThat(CommandRunner.of(second).runs("CMD-MARK", 10)).isEmpty();
                assertThat(CommandRunner.of(third).runs("CMD-MARK", 10)).isEmpty();
            }
            assertThat(marker).doesNotExist();
        }
    }

    @Nested
    class Fixtures {
        private static final List<String> COMMANDS = List.of("CMD-CLI-COMMANDS-INTEGRATED", "CMD-DOCUMENTATION-COMPLETE",
                "CMD-MAKEFILE-TARGETS-COMPLETE", "CMD-SCHEMA-BACKWARD-COMPATIBLE", "CMD-STATUS-COMMANDS-FUNCTIONAL",
                "CMD-STATUS-DOCUMENTATION-COMPLETE", "CMD-VALIDATION-TOOLS-FUNCTIONAL", "CMD-VALIDATION-TOOLS-UPDATED");

        private Cairn fixtures;

        @BeforeEach
        void importFixtures() throws IOException {
            fixtures = open(createStore());
            PlanImport.into(fixtures).fromTree(TodoWriteFixtures.copyTree(Files.createTempDirectory(base, "fixtures")));
        }

        @AfterEach
        void closeFixtures() {
            fixtures.close();
        }

        @Test
        void theFixtureCommandsListAndDryRun() {
            CommandRunner runner = CommandRunner.of(fixtures).baseFolder(base);
            for (String id : COMMANDS) {
                List<PlannedRun> plans = runner.plan(id);
                assertThat(plans).as(id).hasSize(1);
                PlannedRun plan = plans.get(0);
                assertThat(plan.workdir()).isEqualTo(base);
                assertThat(plan.env()).containsEntry("TODOWRITE_MODE", "validation").containsKey("AC_REF");
                assertThat(plan.artifacts()).contains("results/" + id + "/execution.log");
                assertThat(runner.runs(id, 10)).isEmpty();
            }
            assertThat(runner.plan("CMD-SCHEMA-BACKWARD-COMPATIBLE").get(0).shell())
                    .isEqualTo("python todowrite/tools/tw_validate.py --strict");
            assertThat(base.resolve("results")).doesNotExist();
        }

        @Test
        void aFixtureCommandRunsAndIsRecorded() throws IOException {
            // A stand-in for the Python tool the fixture calls, first on the PATH: it writes the declared artifact.
            Path bin = Files.createDirectories(base.resolve("bin"));
            Path python = bin.resolve("python");
            Files.writeString(python, "#!/bin/sh\nmkdir -p results/CMD-SCHEMA-BACKWARD-COMPATIBLE\n"
                    + "echo \"validated $TODOWRITE_MODE $*\" | tee results/CMD-SCHEMA-BACKWARD-COMPATIBLE/execution.log\n");
            Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
            Map<String, String> caller = new HashMap<>(System.getenv());
            caller.put("PATH", bin + ":" + caller.getOrDefault("PATH", "/usr/bin:/bin"));
            CommandRunner runner = CommandRunner.of(fixtures).baseFolder(base).environment(caller).moveStatus(true);

            RunOutcome outcome = runOne(runner, "CMD-SCHEMA-BACKWARD-COMPATIBLE");

            assertThat(outcome.passed()).as(outcome.toString()).isTrue();
            assertThat(outcome.run().outputTail())
                    .isEqualTo("validated validation todowrite/tools/tw_validate.py --strict\n");
            assertThat(outcome.run().artifacts()).singleElement().satisfies(artifact -> {
                assertThat(artifact.path()).isEqualTo("results/CMD-SCHEMA-BACKWARD-COMPATIBLE/execution.log");
                assertThat(artifact.present()).isTrue();
            });
            assertThat(runner.runs("CMD-SCHEMA-BACKWARD-COMPATIBLE", 10)).containsExactly(outcome.run());
            assertThat(fixtures.get("CMD-SCHEMA-BACKWARD-COMPATIBLE").status()).isEqualTo(Status.COMPLETED);
        }
    }

    /** Paths resolved for real: a link that leads out of the base folder is never followed, written or read. */
    @Nested
    class Containment {
        private Path outside;

        @BeforeEach
        void outsideFolder() throws IOException {
            outside = Files.createTempDirectory("cairn-outside");
        }

        @AfterEach
        void removeOutside() throws IOException {
            try (Stream<Path> files = Files.walk(outside)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }

        @Test
        void aWorkdirThatIsALinkOutOfTheBaseFolderIsRefusedAndNothingRuns() throws IOException {
            Files.createSymbolicLink(base.resolve("away"), outside);
            command("CMD-AWAY", new RunSpec("touch ran-here", "away", Map.of()), List.of());

            assertThatThrownBy(() -> runner().run("CMD-AWAY")).isInstanceOf(ValidationException.class)
                    .hasMessageContaining("CMD-AWAY.command.run.workdir").hasMessageContaining("link");
            assertThat(outside.resolve("ran-here")).doesNotExist();
        }

        @Test
        void cleaningArtifactsNeverDeletesAFileOutsideThroughALinkedFolder() throws IOException {
            Path victim = Files.writeString(outside.resolve("report.txt"), "keep me");
            Files.createSymbolicLink(base.resolve("out"), outside);
            command("CMD-CLEAN", new RunSpec("true", null, Map.of()), List.of("out/report.txt"));

            assertThatThrownBy(() -> runner().removeArtifactsFirst(true).run("CMD-CLEAN"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("CMD-CLEAN.command.artifacts");
            assertThat(victim).hasContent("keep me");
        }

        @Test
        void anArtifactTheCommandMadeALinkOutOfTheBaseFolderIsNeitherReadNorHashed() throws IOException {
            Path secret = Files.writeString(outside.resolve("passwd"), "root:x:0:0");
            command("CMD-LINK", new RunSpec("ln -s '" + secret + "' report.txt", null, Map.of()),
                    List.of("report.txt"));

            RunOutcome outcome = runOne(runner(), "CMD-LINK");

            assertThat(outcome.passed()).isFalse();
            assertThat(outcome.run().artifacts()).containsExactly(ArtifactCheck.missing("report.txt"));
            assertThat(outcome.run().outputTail()).contains("report.txt leads outside the base folder");
        }

        @Test
        void aLinkThatStaysInsideTheBaseFolderIsFollowed() throws IOException {
            Files.createDirectories(base.resolve("real"));
            Files.createSymbolicLink(base.resolve("alias"), base.resolve("real"));
            command("CMD-ALIAS", new RunSpec("printf hello > report.txt", "alias", Map.of()),
                    List.of("alias/report.txt"));

            RunOutcome outcome = runOne(runner(), "CMD-ALIAS");

            assertThat(outcome.passed()).isTrue();
            assertThat(outcome.run().artifacts().get(0).sha256()).isEqualTo(HELLO_SHA256);
            assertThat(read("real/report.txt")).isEqualTo("hello");
        }
    }

    /** A runaway command's log stops growing at the cap and still ends with the command's last words. */
    @Nested
    class LogCap {
        @Test
        void outputPastTheCapKeepsItsStartAndItsEndAndSaysSo() throws IOException {
            // 20,000 numbered lines, about 130 KB, against a cap of 10,000 bytes.
            command("CMD-LOUD", "i=0; while [ $i -lt 20000 ]; do echo \"line $i\"; i=$((i+1)); done");

            RunOutcome outcome = runOne(runner().maxLogBytes(10_000), "CMD-LOUD");

            assertThat(outcome.passed()).isTrue();
            Path log = base.resolve(outcome.run().logPath());
            String text = Files.readString(log, StandardCharsets.UTF_8);
            long total = 0;
            for (int i = 0; i < 20_000; i++) {
                total += ("line " + i + "\n").length();
            }
            assertThat(text).startsWith("line 0\n").contains("log cap of 10000 bytes").endsWith(
                    "cairn: output capped at 10000 bytes, " + total + " in all\n");
            assertThat(text).contains("line 19999\n");
            assertThat(Files.size(log)).isLessThan(10_000 + CommandRun.MAX_TAIL_BYTES + 1_000);
            assertThat(outcome.run().outputTail()).contains("line 19999").contains("output capped at 10000 bytes");
        }

        @Test
        void outputBelowTheCapIsKeptWhole() throws IOException {
            command("CMD-QUIET", "echo one; echo two >&2");

            RunOutcome outcome = runOne(runner().maxLogBytes(10_000), "CMD-QUIET");

            assertThat(Files.readString(base.resolve(outcome.run().logPath()))).isEqualTo("one\ntwo\n");
        }

        @Test
        void aCapBelowOneByteIsRefused() {
            assertThatThrownBy(() -> runner().maxLogBytes(0)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxLogBytes");
        }
    }
}
