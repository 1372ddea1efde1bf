package dev.cairn.cli;

import dev.cairn.core.CairnConfig;
import dev.cairn.migrations.Migrator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;
import picocli.CommandLine.Mixin;

/**
 * What the subcommands of {@code cairn migrate} share: their targets, running work on each (several at once,
 * with a progress bar at a terminal) and reporting each target's outcome. One target's failure does not stop
 * the others; the exit code is 1 when any failed. A single target's failure is reported like any other command's.
 */
abstract class MigrateSubcommand extends CliCommand {
    @Mixin
    MigrateOptions options;

    /** What one target's work came to: a result, or the failure. */
    record Outcome<T>(MigrationTargets.Target target, T result, RuntimeException failure) {
        boolean succeeded() {
            return failure == null;
        }
    }

    final List<MigrationTargets.Target> targets() {
        CairnConfig config = root().config(createsStore());
        Duration lockTimeout = options.lockTimeout != null ? options.lockTimeout
                : config.property("lockTimeout").isPresent() ? lockTimeoutProperty(config) : null;
        return MigrationTargets.of(config, options).stream()
                .map(target -> {
                    if (lockTimeout != null) {
                        target.builder().lockTimeout(lockTimeout);
                    }
                    MigrateLocations.apply(target.builder(), config, environment().variables(), options);
                    return adjust(target);
                })
                .toList();
    }

    private static Duration lockTimeoutProperty(CairnConfig config) {
        String value = config.property("lockTimeout").orElseThrow();
        try {
            long millis = Long.parseLong(value.trim());
            if (millis >= 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException ignored) {
            // Reported below with the accepted values.
        }
        throw new UsageException("Invalid lockTimeout = '" + value + "': must be a number of milliseconds, 0 or more,"
                + " such as 30000; or give --lock-timeout 30s");
    }

    /** A subcommand's own settings on a target's migrator, such as a target version. */
    MigrationTargets.Target adjust(MigrationTargets.Target target) {
        return target;
    }

    /** Runs {@code work} on each target, {@code parallelism} at once, outcomes in the targets' order. */
    final <T> List<Outcome<T>> each(String what, int parallelism, Function<Migrator, T> work) {
        List<MigrationTargets.Target> targets = targets();
        if (targets.size() == 1) {
            // One target: its failure is the command's, with its own exit code and message.
            MigrationTargets.Target target = targets.get(0);
            return List.of(new Outcome<>(target, work.apply(target.migrator()), null));
        }
        if (targets.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parallelism, targets.size())),
                runnable -> {
                    Thread thread = new Thread(runnable, "cairn-migrate");
                    thread.setDaemon(true);
                    return thread;
                });
        try (ProgressBar progress = new ProgressBar(environment().err(), environment().interactive(), targets.size(),
                what)) {
            List<Future<Outcome<T>>> futures = new ArrayList<>();
            for (MigrationTargets.Target target : targets) {
                futures.add(pool.submit(() -> {
                    try {
                        return new Outcome<>(target, work.apply(target.migrator()), null);
                    } catch (RuntimeException failure) {
                        return new Outcome<T>(target, null, failure);
                    } finally {
                        progress.step(target.name());
                    }
                }));
            }
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while working on the targets", interrupted);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Prints the outcomes: as JSON or YAML a list of {@code {target, succeeded, error, ...data}}; as text what
     * {@code text} prints for each success, and a line for each failure.
     *
     * @return 0, or 1 when any target failed
     */
    final <T> int report(List<Outcome<T>> outcomes, Function<T, Map<String, Object>> data,
                         BiConsumer<PrintWriter, Outcome<T>> text) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Outcome<T> outcome : outcomes) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("target", outcome.target().name());
            map.put("succeeded", outcome.succeeded());
            map.put("error", outcome.succeeded() ? null : Failures.oneLine(outcome.failure().getMessage()));
            if (outcome.succeeded()) {
                map.putAll(data.apply(outcome.result()));
            }
            list.add(map);
        }
        output().emit(list, out -> {
            if (outcomes.isEmpty()) {
                out.println("No databases to work on" + (options.folder == null ? "." : ": " + options.folder
                        + " holds no SQLite file."));
            }
            for (Outcome<T> outcome : outcomes) {
                if (outcome.succeeded()) {
                    text.accept(out, outcome);
                } else {
                    out.println(outcome.target().name() + ": FAILED: " + Failures.oneLine(outcome.failure().getMessage()));
                }
            }
        });
        long failed = outcomes.stream().filter(outcome -> !outcome.succeeded()).count();
        if (failed > 0) {
            environment().err().println("cairn: " + failed + " of " + outcomes.size() + " databases failed.");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    /** A header naming the target, when there are several. */
    final String heading(Outcome<?> outcome) {
        return options.manyTargets() ? "== " + outcome.target().name() : "";
    }
}
