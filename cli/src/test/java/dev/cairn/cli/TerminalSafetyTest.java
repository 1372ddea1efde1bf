package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Control characters in stored text are shown escaped by every text output, never sent to the terminal. */
final class TerminalSafetyTest {
    private static final String HOSTILE = "Clear\u001b[2J\u001b]0;owned\u0007 me\b\b\u009b\u202Eevil";

    @TempDir
    Path folder;

    private String url;

    @BeforeEach
    void store() {
        url = "sqlite:" + folder.resolve("plan.db");
        Cli.Result added = new Cli(folder).run("--url", url, "add", "goal", HOSTILE, "--id", "GOAL-X",
                "--description", HOSTILE);
        assertThat(added.exitCode()).as(added.toString()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "tree", "show GOAL-X", "history GOAL-X", "summary", "search Clear", "graph"})
    void textOutputShowsControlCharactersEscaped(String command) {
        Cli.Result result = new Cli(folder).run(("--url " + url + " " + command).split(" "));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        String all = result.out() + result.err();
        assertThat(all.chars().filter(TerminalSafeWriter::unsafe)).as(command).isEmpty();
        if (!command.equals("summary") && !command.equals("graph")) {
            assertThat(result.out()).as(command).contains("Clear\\x1B[2J\\x1B]0;owned\\x07 me\\x08\\x08\\x9B\\u202Eevil");
        }
    }

    @Test
    void jsonKeepsTheTextExactlyWithJsonsOwnEscapes() throws Exception {
        Cli.Result result = new Cli(folder).run("--url", url, "show", "GOAL-X", "--format", "json");
        assertThat(result.out()).doesNotContain("\u001b").contains("\\u001B[2J");
        assertThat(new ObjectMapper().readTree(result.out()).get("title").asText())
                .isEqualTo(HOSTILE);
    }

    @Test
    void anErrorMessageQuotingStoredTextIsEscapedToo() {
        Cli.Result result = new Cli(folder).run("--url", url, "show", "GOAL-\u001b[2J");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err().chars().filter(TerminalSafeWriter::unsafe)).isEmpty();
    }
}
