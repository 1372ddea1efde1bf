package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands run in this JVM against a store a subclass names, fresh for each test, with the checks every such
 * test makes: a success prints nothing on stderr; a failure prints one line, {@code cairn: …}.
 */
abstract class StoreCliTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    String url;

    /** A new, empty store for one test. */
    abstract String newStoreUrl(Path folder);

    /** The command line the tests run, in {@link #folder}. */
    Cli cli() {
        return new Cli(folder);
    }

    @BeforeEach
    void openTheStore() {
        url = newStoreUrl(folder);
    }

    Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url));
        all.addAll(List.of(args));
        return cli().run(all.toArray(String[]::new));
    }

    String ok(String... args) {
        Cli.Result result = run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err()).as(result.toString()).isEmpty();
        return result.out();
    }

    Cli.Result fails(int exitCode, String... args) {
        Cli.Result result = run(args);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        assertThat(result.err()).as(result.toString()).startsWith("cairn: ").endsWith("\n");
        assertThat(result.err().lines().filter(line -> line.startsWith("cairn: ")).count()).isEqualTo(1);
        return result;
    }

    JsonNode json(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", "json"));
        try {
            return JSON.readTree(ok(all.toArray(String[]::new)));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
