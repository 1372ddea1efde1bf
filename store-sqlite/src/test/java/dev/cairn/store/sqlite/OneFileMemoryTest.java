package dev.cairn.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A one-file export and import of 100,000 nodes (with as many links, and twice as many events) pass through a
 * JVM of 40 MB heap: held whole, the nodes and events would need several times that. YAML and JSON share all
 * but the parser, so YAML, the slower, stands for both. The same program with a million nodes and
 * 256 MB is {@link LargePlanRoundTrip}, run by hand (see benchmarks/README.md).
 */
class OneFileMemoryTest {
    private static final int NODES = 100_000;

    @TempDir
    Path folder;

    @Test
    void aLargePlanRoundTripsThroughASmallHeap() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx40m", "-cp", System.getProperty("java.class.path"), "-Dorg.jooq.no-logo=true",
                "-Dorg.jooq.no-tips=true", LargePlanRoundTrip.class.getName(), String.valueOf(NODES),
                folder.toString(), "yaml")
                .redirectErrorStream(true)
                .start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("ended within five minutes").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("ok nodes=" + NODES);
    }
}
