package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The repository's {@code ./cairn}: it builds with {@code mvn package}, never {@code install} (nothing of the
 * repository goes to the user's {@code ~/.m2}), and keeps Maven's colour codes off a screen that is no terminal.
 */
final class RepositoryScriptTest {
    private static final Path SCRIPT = Path.of("..", "cairn");

    @Test
    void buildsWithPackageAndNeverInstalls() throws Exception {
        String script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        assertThat(script.lines().filter(line -> line.contains("mvn ") && !line.strip().startsWith("#")))
                .isNotEmpty()
                .allMatch(line -> line.contains(" package") && !line.contains(" install"));
    }

    @Test
    void stripsColourCodesFromWhatItShowsWhenStderrIsNoTerminal() throws Exception {
        // The script's own function, run with stderr going to a file, as it is when piped.
        String command = "eval \"$(sed -n '/^plain()/,/^}/p' " + SCRIPT + ")\"; printf '\\033[0m\\033[1;31mfailed\\033[m\\n'"
                + " | plain";
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(false).start();
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).isEqualTo("failed\n");
    }
}
