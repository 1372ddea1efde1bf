package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cairn health} never fails itself: a store it cannot reach is {@code up: no}, with the reason, in time. */
final class HealthCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    /** A PostgreSQL URL to a port of this machine where nothing listens. */
    private static String nothingListening() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return "postgresql://127.0.0.1:" + port + "/plan";
    }

    @Test
    void aServerThatDoesNotAnswerIsDownWithinTheTimeoutAsJson() throws Exception {
        String url = nothingListening();
        long started = System.nanoTime();
        Cli.Result result = new Cli(folder).run("--url", url, "--format", "json", "health", "--timeout", "1s");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err()).isEqualTo("cairn: no answer within 1.0 s\n");
        JsonNode health = JSON.readTree(result.out());
        assertThat(health.get("up").asBoolean(true)).isFalse();
        assertThat(health.get("backend").asText()).isEqualTo("postgresql");
        assertThat(health.get("url").asText()).isEqualTo(url);
        assertThat(health.get("problem").asText()).isEqualTo("no answer within 1.0 s");
        assertThat(took).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aServerThatDoesNotAnswerIsDownWithinTheDefaultFiveSecondsAsText() throws Exception {
        String url = nothingListening();
        long started = System.nanoTime();
        Cli.Result result = new Cli(folder).run("--url", url, "health");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.out()).containsPattern("(?m)^up +no$").doesNotContain("problem");
        assertThat(result.err()).isEqualTo("cairn: no answer within 5.0 s\n");
        assertThat(took).isBetween(Duration.ofMillis(4_500), Duration.ofSeconds(8));
    }

    @Test
    void aMissingSqliteFileIsDownAndNotMade() throws Exception {
        Path file = folder.resolve("plans").resolve("plan.db");
        Cli.Result result = new Cli(folder).run("--url", "sqlite:" + file, "--format", "json", "health");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        JsonNode health = JSON.readTree(result.out());
        assertThat(health.get("up").asBoolean(true)).isFalse();
        assertThat(health.get("backend").asText()).isEqualTo("sqlite");
        assertThat(health.get("problem").asText())
                .isEqualTo("no store at " + file + " (run 'cairn init' to make one)");
        assertThat(file.getParent()).doesNotExist();
        try (var entries = Files.list(folder)) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void aMissingH2FileIsDownAndNotMade() {
        Path path = folder.resolve("plan");
        Cli.Result result = new Cli(folder).run("--url", "h2:file:" + path, "health");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(result.out()).containsPattern("(?m)^up +no$");
        assertThat(result.err()).isEqualTo("cairn: no store at " + path + ".mv.db (run 'cairn init' to make one)\n");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aStoreThatCannotBeChosenIsDownWithTheReason() {
        Cli.Result result = new Cli(folder).run("--url", "nosuch:x", "health");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.out()).containsPattern("(?m)^up +no$");
        assertThat(result.err()).startsWith("cairn: No store provider for scheme 'nosuch'");
    }

    @Test
    void aStoreThatIsThereIsUp() {
        Path file = folder.resolve("plan.db");
        assertThat(new Cli(folder).run("--url", "sqlite:" + file, "init").exitCode()).isZero();
        Cli.Result result = new Cli(folder).run("--url", "sqlite:" + file, "health");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("(?m)^up +yes, ");
    }

    @Test
    void aTimeoutThatIsNoDurationIsAUsageError() {
        Cli.Result result = new Cli(folder).run("--url", "memory:", "health", "--timeout", "soon");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("cairn: ");
    }
}
