package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cairn.core.Cairn;
import dev.cairn.core.run.CommandLease;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code run} and {@code runs}, in this JVM against a store a subclass names, running real processes through
 * {@code sh -c} in a temporary base folder. Each test starts from GOAL-SHIP → R-BUILD → AC-BUILD, with no
 * Commands.
 */
abstract class RunCommandsTest extends StoreCliTest {
    @BeforeEach
    void buildThePlan() {
        ok("add", "goal", "Ship", "--id", "GOAL-SHIP");
        ok("add", "requirement", "Build", "--id", "R-BUILD", "--parent", "GOAL-SHIP");
        ok("add", "ac", "It builds", "--id", "AC-BUILD", "--parent", "R-BUILD");
    }

    @Override
    Cli cli() {
        // The Commands get the variables of the command line's environment: PATH finds sleep and seq.
        return super.cli().variable("PATH", System.getenv("PATH"));
    }

    /** A Command under AC-BUILD running {@code shell}, with more of {@code add}'s options. */
    void command(String id, String shell, String... options) {
        List<String> args = new ArrayList<>(List.of("add", "command", "Run " + id, "--id", id, "--parent", "AC-BUILD",
                "--ac-ref", "AC-BUILD", "--run", shell));
        args.addAll(List.of(options));
        ok(args.toArray(String[]::new));
    }

    @Test
    void aPassingCommandWritesItsArtifactAndIsListedByRuns() {
        command("CMD-WRITE", "echo hello > out.txt && echo wrote it", "--artifact", "out.txt");
        String out = ok("run", "CMD-WRITE");
        assertThat(out).startsWith("CMD-WRITE #1 started: echo hello > out.txt && echo wrote it\n")
                .contains("CMD-WRITE #1 pass: exit 0 in ").contains("; log results/CMD-WRITE/1.log\n")
                .endsWith("1 passed, 0 failed, 0 busy\n");
        assertThat(folder.resolve("out.txt")).hasContent("hello");
        assertThat(folder.resolve("results/CMD-WRITE/1.log")).hasContent("wrote it");
        List<String> runs = ok("runs", "CMD-WRITE").lines().toList();
        assertThat(runs).hasSize(2);
        assertThat(runs.get(0)).matches("RUN +STARTED +DURATION +EXIT +ARTIFACTS +LOG");
        assertThat(runs.get(1)).matches(" +1  \\S+Z +\\d+ ms +exit 0 +1/1  results/CMD-WRITE/1\\.log");
    }

    @Test
    void aFailingCommandExits1AndShowsTheEndOfItsOutput() {
        command("CMD-FAIL", "for i in $(seq 1 30); do echo line $i; done; echo broken >&2; exit 3");
        Cli.Result result = fails(ExitCodes.FAILURE, "run", "CMD-FAIL");
        assertThat(result.out()).contains("CMD-FAIL #1 FAIL: exit 3 in ")
                .contains("    … 11 lines before these, in results/CMD-FAIL/1.log\n    line 12\n")
                .contains("    line 30\n    broken\n").doesNotContain("line 11\n")
                .endsWith("0 passed, 1 failed, 0 busy\n");
        assertThat(result.err()).startsWith("cairn: 1 of 1 Commands failed; ");
        assertThat(ok("runs", "CMD-FAIL")).contains("exit 3");
    }

    @Test
    void aRunPastItsTimeoutIsStoppedAndShownAsTimeout() {
        command("CMD-SLOW", "sleep 30");
        Cli.Result result = fails(ExitCodes.FAILURE, "run", "CMD-SLOW", "--timeout", "1s");
        assertThat(result.out()).contains("CMD-SLOW #1 TIMEOUT: stopped at its timeout of 1.0 s, after ")
                .contains("cairn: stopped at its timeout of 1.0 s");
        JsonNode run = json("runs", "CMD-SLOW").get("runs").get(0);
        assertThat(run.get("state").asText()).isEqualTo("timed_out");
        assertThat(run.get("timedOut").asBoolean()).isTrue();
        assertThat(run.get("exitCode").isNull()).isTrue();
    }

    @Test
    void aDryRunPrintsWhatWouldRunAndRunsAndWritesNothing() {
        command("CMD-ENV", "echo $GREETING > greeting.txt", "--workdir", "sub", "--env", "GREETING=hi",
                "--artifact", "sub/greeting.txt");
        String out = ok("run", "AC-BUILD", "--dry-run");
        assertThat(out).startsWith("Dry run: 1 Command would run, in this order; nothing run, nothing written.\n"
                        + "CMD-ENV  Run CMD-ENV\n")
                .contains("  shell     echo $GREETING > greeting.txt\n")
                .contains("  workdir   " + folder.resolve("sub") + "\n")
                .contains("  env       GREETING=hi\n")
                .contains("  artifact  sub/greeting.txt\n")
                .contains("  log       " + folder.resolve("results/CMD-ENV/1.log") + "\n");
        JsonNode plan = json("run", "AC-BUILD", "--dry-run").get("plans").get(0);
        assertThat(plan.get("env").get("GREETING").asText()).isEqualTo("hi");
        assertThat(plan.get("workdir").asText()).isEqualTo(folder.resolve("sub").toString());
        assertThat(folder.resolve("results")).doesNotExist();
        assertThat(ok("runs", "CMD-ENV")).isEqualTo("CMD-ENV has not run yet. 'cairn run CMD-ENV' runs it.\n");
        assertThat(json("runs", "CMD-ENV").get("runs")).isEmpty();
    }

    @Test
    void aDryRunPrintsAShellLineOfSeveralLinesAsItIsIndented() {
        command("CMD-SCRIPT", "set -e\nif true; then\n  echo one\nfi");
        String out = ok("run", "AC-BUILD", "--dry-run");
        assertThat(out).contains("  shell    set -e\n"
                + "           if true; then\n"
                + "             echo one\n"
                + "           fi\n"
                + "  workdir  ");
    }

    @Test
    void aShellLineStartingWithAnInterpreterLineRunsWithThatInterpreter() {
        command("CMD-BASH", "#!/usr/bin/env bash\necho \"in ${BASH_VERSION:+bash}\"; [[ -n $BASH ]]");
        ok("run", "CMD-BASH");
        JsonNode run = json("runs", "CMD-BASH").get("runs").get(0);
        assertThat(run.get("exitCode").asInt()).isZero();
        assertThat(run.get("outputTail").asText()).contains("in bash");
    }

    @Test
    void moveStatusMovesAPassingCommandToCompleted() {
        command("CMD-OK", "true");
        assertThat(ok("run", "CMD-OK", "--move-status")).contains("CMD-OK #1 pass: exit 0 in ")
                .contains("; status planned → completed; ");
        assertThat(json("show", "CMD-OK").get("status").asText()).isEqualTo("completed");
    }

    @Test
    void everyCommandUnderANodeRunsInIdOrder() {
        command("CMD-B", "echo b > b.txt", "--artifact", "b.txt");
        command("CMD-A", "echo a > a.txt", "--artifact", "a.txt");
        String out = ok("run", "AC-BUILD");
        assertThat(out.lines().filter(line -> line.contains(" started: ")).toList())
                .containsExactly("CMD-A #1 started: echo a > a.txt", "CMD-B #1 started: echo b > b.txt");
        assertThat(out).endsWith("2 passed, 0 failed, 0 busy\n");
        JsonNode outcomes = json("run", "GOAL-SHIP").get("outcomes");
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(1).get("result").asText()).isEqualTo("pass");
        assertThat(outcomes.get(1).get("run").get("number").asInt()).isEqualTo(2);
        assertThat(ok("runs", "CMD-B").lines()).hasSize(3);
    }

    @Test
    void aNodeWithoutCommandsHasNothingToRun() {
        assertThat(ok("run", "R-BUILD")).isEqualTo("No Commands found under R-BUILD (cancelled ones are left out): "
                + "nothing to run.\n");
    }

    @Test
    void aCommandHeldByAnotherRunnerIsBusyAndExits4() {
        command("CMD-HELD", "echo ran > ran.txt");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS); // as the SQL stores keep it
        try (Cairn cairn = Cairn.open(url)) {
            boolean taken = cairn.store().write(tx -> tx.runLog().orElseThrow().acquireLease(
                    new CommandLease("CMD-HELD", "elsewhere/42/cafe", now, now.plus(Duration.ofHours(1)))));
            assertThat(taken).isTrue();
        }
        Cli.Result result = fails(ExitCodes.CONFLICT, "run", "CMD-HELD");
        assertThat(result.out()).contains("CMD-HELD BUSY, not run: CMD-HELD is being run by elsewhere/42/cafe")
                .endsWith("0 passed, 0 failed, 1 busy\n");
        assertThat(result.err()).startsWith("cairn: 1 Command was not run: another runner is running it.");
        assertThat(folder.resolve("ran.txt")).doesNotExist();
        assertThat(ok("runs", "CMD-HELD")).startsWith("CMD-HELD is being run by elsewhere/42/cafe (since " + now)
                .endsWith("CMD-HELD has not run yet. 'cairn run CMD-HELD' runs it.\n");
    }

    @Test
    void aRunWhoseRunnerDiedNeverEnded() {
        command("CMD-DIED", "true");
        Instant now = Instant.now();
        try (Cairn cairn = Cairn.open(url)) {
            cairn.store().write(tx -> tx.runLog().orElseThrow().startRun("CMD-DIED", now, "ana"));
        }
        assertThat(ok("runs", "CMD-DIED").lines().skip(1).findFirst().orElseThrow()).contains("never ended");
        assertThat(json("runs", "CMD-DIED", "--run", "1").get("run").get("state").asText()).isEqualTo("never_ended");
    }

    @Test
    void anUnknownIdExits3() {
        assertThat(fails(ExitCodes.NOT_FOUND, "run", "CMD-NOPE").err()).startsWith("cairn: No node CMD-NOPE.");
        fails(ExitCodes.NOT_FOUND, "runs", "CMD-NOPE");
    }

    @Test
    void aRunNumberNotReachedExits3() {
        command("CMD-OK", "true");
        ok("run", "CMD-OK");
        assertThat(fails(ExitCodes.NOT_FOUND, "runs", "CMD-OK", "--run", "7").err())
                .startsWith("cairn: CMD-OK has no run 7: its last is run 1.");
    }

    @Test
    void aWorkdirOutsideTheBaseFolderExits4NamingTheField() {
        command("CMD-OUT", "true", "--workdir", "../elsewhere");
        Cli.Result result = fails(ExitCodes.CONFLICT, "run", "AC-BUILD");
        assertThat(result.err()).contains("CMD-OUT.command.run.workdir").contains("'../elsewhere'");
        assertThat(folder.resolve("results")).doesNotExist();
    }

    @Test
    void aWorkdirThatIsNotThereCouldNotStart() {
        command("CMD-LOST", "true", "--workdir", "nowhere");
        Cli.Result result = fails(ExitCodes.FAILURE, "run", "CMD-LOST");
        assertThat(result.out()).contains("CMD-LOST #1 COULD NOT START: no exit code, after ")
                .contains("could not start in " + folder.resolve("nowhere"));
        assertThat(json("runs", "CMD-LOST").get("runs").get(0).get("state").asText()).isEqualTo("not_started");
    }

    @Test
    void runsOfANodeOtherThanACommandExit4() {
        assertThat(fails(ExitCodes.CONFLICT, "runs", "AC-BUILD").err()).contains("AC-BUILD is no Command");
    }

    @Test
    void oneRunInJsonHasEachArtifactsSha256() throws NoSuchAlgorithmException {
        command("CMD-WRITE", "printf hello > out.txt", "--artifact", "out.txt", "--artifact", "never.txt");
        fails(ExitCodes.FAILURE, "run", "CMD-WRITE");
        JsonNode run = json("runs", "CMD-WRITE", "--run", "1").get("run");
        assertThat(run.get("state").asText()).isEqualTo("exited");
        assertThat(run.get("passed").asBoolean()).isFalse();
        assertThat(run.get("missingArtifacts").toString()).isEqualTo("[\"never.txt\"]");
        JsonNode artifact = run.get("artifacts").get(1);
        assertThat(artifact.get("path").asText()).isEqualTo("out.txt");
        assertThat(artifact.get("sizeBytes").asLong()).isEqualTo(5);
        assertThat(artifact.get("sha256").asText()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest("hello".getBytes(StandardCharsets.UTF_8))));
        assertThat(ok("runs", "CMD-WRITE", "--run", "1")).contains("  never.txt  MISSING").contains("  out.txt    yes");
    }

    @Test
    void theBaseAndResultsFoldersComeFromTheOptions() throws IOException {
        Files.createDirectories(folder.resolve("project"));
        command("CMD-WRITE", "pwd > where.txt", "--artifact", "where.txt");
        ok("run", "CMD-WRITE", "--base", "project", "--results", "logs");
        assertThat(Files.readString(folder.resolve("project/where.txt")).strip())
                .isEqualTo(folder.resolve("project").toRealPath().toString());
        assertThat(folder.resolve("logs/CMD-WRITE/1.log")).exists();
        assertThat(json("runs", "CMD-WRITE").get("runs").get(0).get("logPath").asText())
                .isEqualTo(folder.resolve("logs/CMD-WRITE/1.log").toString());
    }

    @Test
    void cleanArtifactsKeepsAFileAnEarlierRunLeftFromCounting() throws IOException {
        command("CMD-STALE", "true", "--artifact", "report.txt");
        Files.writeString(folder.resolve("report.txt"), "from before");
        assertThat(ok("run", "CMD-STALE")).contains("CMD-STALE #1 pass");

        Cli.Result result = fails(ExitCodes.FAILURE, "run", "CMD-STALE", "--clean-artifacts");

        assertThat(result.out()).contains("CMD-STALE #2 FAIL: exit 0 in ").contains("missing report.txt");
        assertThat(folder.resolve("report.txt")).doesNotExist();
    }

    @Test
    void aTimeoutThatIsNoDurationIsAUsageError() {
        command("CMD-OK", "true");
        assertThat(fails(ExitCodes.USAGE, "run", "CMD-OK", "--timeout", "abc").err()).contains("'abc'");
        assertThat(folder.resolve("results")).doesNotExist();
    }

    @Test
    void failFastLeavesTheCommandsAfterTheFirstFailure() {
        command("CMD-A", "exit 1");
        command("CMD-B", "true");
        Cli.Result result = fails(ExitCodes.FAILURE, "run", "AC-BUILD", "--fail-fast");
        assertThat(result.out()).doesNotContain("CMD-B #1").endsWith("0 passed, 1 failed, 0 busy, 1 not run "
                + "(--fail-fast)\n");
    }
}
