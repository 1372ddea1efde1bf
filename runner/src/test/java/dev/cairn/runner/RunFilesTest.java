package dev.cairn.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.run.ArtifactCheck;
import dev.cairn.core.run.CommandRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFilesTest {
    @TempDir
    Path folder;

    private Path log(byte[] content) throws IOException {
        return Files.write(folder.resolve("1.log"), content);
    }

    @Test
    void aShortLogIsTheWholeTail() throws IOException {
        assertThat(RunFiles.tail(log("ok ✓\n".getBytes(StandardCharsets.UTF_8)))).isEqualTo("ok ✓\n");
    }

    @Test
    void noLogIsAnEmptyTail() throws IOException {
        assertThat(RunFiles.tail(folder.resolve("none.log"))).isEmpty();
        assertThat(RunFiles.tail(null)).isEmpty();
    }

    @Test
    void aCutInsideACharacterStartsAtTheNextWholeOne() throws IOException {
        // 'é' is two bytes; with one byte of it before the last 64 KiB, the tail starts after it.
        String end = "x".repeat(CommandRun.MAX_TAIL_BYTES - 1);
        assertThat(RunFiles.tail(log(("abcé" + end).getBytes(StandardCharsets.UTF_8)))).isEqualTo(end);
    }

    @Test
    void nulCharactersAreLeftOut() throws IOException {
        assertThat(RunFiles.tail(log(new byte[] {'a', 0, 'b', 0}))).isEqualTo("ab");
    }

    @Test
    void bytesThatAreNoUtf8StayWithinTheLimitOnceReplaced() throws IOException {
        byte[] binary = new byte[CommandRun.MAX_TAIL_BYTES * 2];
        java.util.Arrays.fill(binary, (byte) 0xFF);

        String tail = RunFiles.tail(log(binary));

        assertThat(tail).isNotEmpty().matches("\uFFFD+");
        assertThat(tail.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CommandRun.MAX_TAIL_BYTES);
    }

    @Test
    void pathsInsideTheBaseFolderResolveAndOthersDoNot() {
        Path base = folder.toAbsolutePath();

        assertThat(RunFiles.inside(base, "out/report.txt")).isEqualTo(base.resolve("out/report.txt"));
        assertThat(RunFiles.inside(base, ".")).isEqualTo(base);
        assertThat(RunFiles.inside(base, "a/../b")).isEqualTo(base.resolve("b"));
        assertThat(RunFiles.inside(base, "../x")).isNull();
        assertThat(RunFiles.inside(base, "a/../../x")).isNull();
        assertThat(RunFiles.inside(base, "/etc/passwd")).isNull();
        assertThat(RunFiles.inside(base, "nul\0byte")).isNull();
    }

    @Test
    void anArtifactIsCheckedBySizeAndSha256() throws IOException {
        Path file = Files.writeString(folder.resolve("report.txt"), "hello");

        assertThat(RunFiles.check("report.txt", file)).isEqualTo(ArtifactCheck.present("report.txt", 5,
                "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"));
        assertThat(RunFiles.check("none.txt", folder.resolve("none.txt"))).isEqualTo(ArtifactCheck.missing("none.txt"));
        assertThat(RunFiles.check("dir", folder)).isEqualTo(ArtifactCheck.missing("dir"));
    }
}
