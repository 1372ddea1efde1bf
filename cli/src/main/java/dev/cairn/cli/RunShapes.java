package dev.cairn.cli;

import dev.cairn.core.run.ArtifactCheck;
import dev.cairn.core.run.CommandLease;
import dev.cairn.core.run.CommandRun;
import dev.cairn.runner.PlannedRun;
import dev.cairn.runner.RunOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON and YAML shapes of {@code run} and {@code runs}, kept as {@link Shapes} keeps the others
 * (cli/README.md documents them): every key always present, {@code null} when empty, durations in milliseconds,
 * paths as the store keeps them.
 */
final class RunShapes {
    private RunShapes() {
    }

    static Map<String, Object> outcomes(String id, List<RunOutcome> outcomes, int notRun) {
        List<Map<String, Object>> list = new ArrayList<>(outcomes.size());
        for (RunOutcome outcome : outcomes) {
            list.add(outcome(outcome));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("dryRun", false);
        map.put("passed", RunText.count(outcomes, RunText.Result.PASS));
        map.put("failed", outcomes.size() - RunText.count(outcomes, RunText.Result.PASS)
                - RunText.count(outcomes, RunText.Result.BUSY));
        map.put("busy", RunText.count(outcomes, RunText.Result.BUSY));
        map.put("notRun", notRun);
        map.put("outcomes", list);
        return map;
    }

    static Map<String, Object> plans(String id, List<PlannedRun> plans) {
        List<Map<String, Object>> list = new ArrayList<>(plans.size());
        for (PlannedRun plan : plans) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("commandId", plan.commandId());
            map.put("title", plan.title());
            map.put("shell", plan.shell());
            map.put("workdir", plan.workdir().toString());
            map.put("env", new TreeMap<>(plan.env()));
            map.put("artifacts", plan.artifacts());
            map.put("log", plan.log().toString());
            list.add(map);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("dryRun", true);
        map.put("plans", list);
        return map;
    }

    static Map<String, Object> outcome(RunOutcome outcome) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("commandId", outcome.commandId());
        map.put("result", RunText.result(outcome).wireName());
        map.put("passed", outcome.passed());
        map.put("statusBefore", outcome.statusBefore() == null ? null : outcome.statusBefore().wireName());
        map.put("statusAfter", outcome.statusAfter() == null ? null : outcome.statusAfter().wireName());
        map.put("note", outcome.note().isEmpty() ? null : outcome.note());
        map.put("run", outcome.run() == null ? null : run(outcome.run(), false));
        return map;
    }

    /** A recorded run; {@code running} when it has not ended and its runner still holds the lease. */
    static Map<String, Object> run(CommandRun run, boolean running) {
        List<Map<String, Object>> artifacts = new ArrayList<>(run.artifacts().size());
        for (ArtifactCheck check : run.artifacts()) {
            Map<String, Object> artifact = new LinkedHashMap<>();
            artifact.put("path", check.path());
            artifact.put("present", check.present());
            artifact.put("sizeBytes", check.sizeBytes());
            artifact.put("sha256", check.sha256());
            artifacts.add(artifact);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("commandId", run.commandId());
        map.put("number", run.number());
        map.put("state", RunText.state(run, running));
        map.put("passed", run.passed());
        map.put("startedAt", Shapes.instant(run.startedAt()));
        map.put("endedAt", Shapes.instant(run.endedAt()));
        map.put("durationMillis", run.duration().map(Duration::toMillis).orElse(null));
        map.put("exitCode", run.exitCode());
        map.put("timedOut", run.timedOut());
        map.put("actor", run.actor());
        map.put("logPath", run.logPath());
        map.put("artifacts", artifacts);
        map.put("missingArtifacts", run.missingArtifacts());
        map.put("outputTail", run.outputTail());
        return map;
    }

    static Map<String, Object> lease(CommandLease lease, Instant now) {
        if (lease == null) {
            return null;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("holder", lease.holder());
        map.put("acquiredAt", Shapes.instant(lease.acquiredAt()));
        map.put("expiresAt", Shapes.instant(lease.expiresAt()));
        map.put("live", !lease.expiredAt(now));
        return map;
    }
}
