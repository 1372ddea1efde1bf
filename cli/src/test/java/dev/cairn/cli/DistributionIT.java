package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution as a user installs it: {@code target/cairn-VERSION.tar.gz} unpacked in a folder of its own,
 * its {@code bin/cairn} run from another folder with only a JDK. Runs in {@code verify}, after {@code package}.
 */
final class DistributionIT {
    private static Path tarball;

    @TempDir
    static Path installation;

    @TempDir
    Path work;

    private static Path script;

    @BeforeAll
    static void unpackTheDistribution() throws Exception {
        Path target = Path.of(System.getProperty("cairn.jar", "target/cairn.jar")).toAbsolutePath().getParent();
        try (Stream<Path> files = Files.list(target)) {
            tarball = files.filter(file -> file.getFileName().toString().matches("cairn-.+\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new AssertionError("no cairn-VERSION.tar.gz in " + target + "; run mvn package"));
        }
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", installation.toString())
                .inheritIO().start();
        assertThat(tar.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(tar.exitValue()).isZero();
        String folder = tarball.getFileName().toString().replace(".tar.gz", "");
        script = installation.resolve(folder).resolve("bin").resolve("cairn");
        assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
        assertThat(script.resolveSibling("../lib/cairn.jar").normalize()).exists();
        assertThat(script.resolveSibling("../lib/cairn.jsa").normalize()).exists();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run cairn(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve("out.txt").toFile())
                .redirectError(work.resolve("err.txt").toFile());
        builder.environment().remove("CAIRN_URL");
        builder.environment().remove("CAIRN_COMMAND");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("HOME", work.resolve("home").toString());
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("cairn " + String.join(" ", args) + " ended").isTrue();
        return new Run(process.exitValue(), Files.readString(work.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(work.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void runsFromAnotherFolderAndMakesItsArchiveForWhereItIs() throws Exception {
        Run init = cairn("init");
        assertThat(init.exitCode()).as(init.toString()).isZero();
        assertThat(init.err()).isEmpty();
        assertThat(work.resolve("cairn.db")).exists();
        Path lib = script.resolveSibling("../lib").normalize();
        assertThat(Files.readString(lib.resolve("cairn.jsa.stamp"))).startsWith(lib.toRealPath().resolve("cairn.jar")
                + "|");
        assertThat(cairn("add", "goal", "Ship 1.0", "--id", "GOAL-SHIP").exitCode()).isZero();
        Run list = cairn("list");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.out()).contains("GOAL-SHIP").doesNotContain("\u001b");
        assertThat(list.err()).isEmpty();
    }

    @Test
    void readingAFileThatIsNotThereIsExit3AndMakesNothing() throws Exception {
        Run missing = cairn("--url", "sqlite:nothere.db", "list");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(missing.err()).startsWith("cairn: no store at ").doesNotContain("\u001b");
        assertThat(work.resolve("nothere.db")).doesNotExist();
    }
}
