package dev.cairn.cli;

import dev.cairn.core.Cairn;
import dev.cairn.core.CairnConfig;
import dev.cairn.core.Health;
import dev.cairn.core.NoSuchStoreException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cairn health}: one round trip to the store, and what it runs. It never fails itself: a store that cannot
 * be opened, or does not answer within the timeout, is reported {@code up: no} with the reason.
 */
@Command(name = "health",
        description = "Checks the store: one round trip, timed, the server's version and the schema version of each "
                + "migration module. A store that cannot be reached within --timeout is 'up: no', with the reason, "
                + "exit 1 (exit 3 when its file is not there); the reason is the one line on stderr.",
        footerHeading = "%nExample:%n", footer = "  cairn health --url postgresql://db.example/plan --timeout 2s")
final class HealthCommand extends CliCommand {
    @Option(names = "--timeout", paramLabel = "DURATION", converter = Converters.DurationConverter.class,
            description = "How long to wait for the store to open and answer (500ms, 5s, 1m). Default: 5s.")
    Duration timeout = Duration.ofSeconds(5);

    @Override
    int run() {
        CairnConfig config = root().config(false);
        Health health;
        int exitCode = ExitCodes.FAILURE;
        try {
            health = check(config).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            exitCode = health.up() ? ExitCodes.OK : ExitCodes.FAILURE;
        } catch (TimeoutException slow) {
            health = down(config, "no answer within " + RunText.duration(timeout));
        } catch (ExecutionException failed) {
            Throwable failure = failed.getCause();
            health = down(config, failure instanceof NoSuchStoreException missing ? Failures.noStore(missing)
                    : failure.getClass().getPackageName().startsWith("dev.cairn") ? Failures.oneLine(failure.getMessage())
                    : failure.getClass().getName() + ": " + Failures.oneLine(String.valueOf(failure.getMessage())));
            exitCode = failure instanceof NoSuchStoreException ? ExitCodes.NOT_FOUND : ExitCodes.FAILURE;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            health = down(config, "interrupted");
        }
        Health shown = health;
        output().emit(Shapes.health(shown), out -> {
            Table table = new Table("", "").withoutHeader();
            table.row("store", shown.url() + " (" + shown.backend() + ")");
            table.row("up", shown.up() ? "yes, " + shown.latency().toNanos() / 1_000 / 1000.0 + " ms" : "no");
            if (!shown.serverVersion().isEmpty()) {
                table.row("server", shown.serverVersion());
            }
            shown.schemaVersions().forEach((module, version) -> table.row("schema " + module, version));
            table.print(out);
        });
        if (!shown.up()) {
            // The reason once, where every failure's is: the data above carries it for scripts as "problem".
            environment().err().println(TerminalSafeWriter.escape("cairn: " + shown.problem()));
        }
        return exitCode;
    }

    /**
     * Opens the store and checks it on a thread of its own, so that a store that takes long to open (a server that
     * does not answer, which a SQL store waits for) cannot hold the command past its timeout. A daemon: a store still
     * opening when the command ends does not keep the process alive, and is closed should it open later.
     */
    private static CompletableFuture<Health> check(CairnConfig config) {
        CompletableFuture<Health> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (Cairn cairn = Cairn.open(config)) {
                result.complete(cairn.health());
            } catch (Throwable failure) {
                // Whatever opening throws, a driver's linkage error too, is the reason reported, not a hang.
                result.completeExceptionally(failure);
            }
        }, "cairn-health");
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    private Health down(CairnConfig config, String problem) {
        return new Health(config.scheme(), config.maskedUrl(), false, "", Map.of(), Duration.ZERO,
                root().mask(problem));
    }
}
