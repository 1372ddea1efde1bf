package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable jar's log: its own binding, silent by default, INFO under -v, and never an SLF4J warning. */
final class CairnJarLoggingIT {
    @TempDir
    Path folder;

    private record Run(int exitCode, String out, String err) {
    }

    private Run cairn(String... args) throws Exception {
        Path jar = Path.of(System.getProperty("cairn.jar", "target/cairn.jar")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectOutput(folder.resolve("out.txt").toFile())
                .redirectError(folder.resolve("err.txt").toFile());
        builder.environment().remove("CAIRN_URL");
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), Files.readString(folder.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(folder.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void theDefaultPrintsNoLogLineOnAnyBackend() throws Exception {
        for (String url : List.of("sqlite:plan.db", "h2:file:./plan", "memory:")) {
            Run run = cairn("--url", url, "init");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.err()).as(url).isEmpty();
        }
    }

    @Test
    void verbosePrintsInfoLinesOnStandardErrorAndNoSlf4jWarning() throws Exception {
        Run run = cairn("-v", "--url", "h2:file:./plan", "init");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("Store ready: h2:file:./plan");
        assertThat(run.err()).contains("INFO Applied migration cairn 1 (init)")
                .contains("INFO Opened the h2 store h2:file:./plan")
                .doesNotContain("SLF4J")
                .doesNotContain("jOOQ");
    }
}
