package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A command that only reads, pointed at a SQLite or H2 file that is not there, says so (exit 3,
 * {@code no store at PATH}) and makes no file and no folder; {@code init} and a change make the store as before.
 */
final class MissingStoreCommandTest {
    @TempDir
    Path folder;

    /** The folder that would hold the store; it must stay empty. */
    private Path watched;

    @BeforeEach
    void makeTheWatchedFolder() throws IOException {
        watched = Files.createDirectory(folder.resolve("watched"));
        Files.writeString(folder.resolve("plan.yaml"), "labels: []\nnodes: []\nlinks: []\n");
    }

    /** Every command, or form of one, that only reads, with the arguments it needs. */
    static Stream<List<String>> readingCommands() {
        return Stream.of(List.of("list"), List.of("show", "GOAL-X"), List.of("search", "parser"), List.of("tree"),
                List.of("summary"), List.of("history"), List.of("history", "GOAL-X"), List.of("export", "-"),
                List.of("export", "OUT/plan.yaml"), List.of("export", "--tree", "OUT/tree"), List.of("trace"),
                List.of("graph"), List.of("doctor"), List.of("label", "list"), List.of("progress", "GOAL-X"),
                List.of("runs", "CMD-X"), List.of("run", "CMD-X", "--dry-run"),
                List.of("import", "PLAN", "--dry-run"), List.of("copy", "--to", "COPY"),
                List.of("migrate", "info"), List.of("migrate", "validate"), List.of("migrate", "dry-run"),
                List.of("--format", "json", "list"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readingCommands")
    void aReadingCommandOnAMissingSqliteFileSaysSoAndMakesNothing(List<String> command) {
        Path file = watched.resolve("plans").resolve("plan.db");
        refused("sqlite:" + file, file, command);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readingCommands")
    void aReadingCommandOnAMissingSqliteFileInAFolderThatIsThereMakesNothing(List<String> command) {
        Path file = watched.resolve("plan.db");
        refused("sqlite:" + file, file, command);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readingCommands")
    void aReadingCommandOnAMissingH2FileSaysSoAndMakesNothing(List<String> command) {
        Path path = watched.resolve("plans").resolve("plan");
        refused("h2:file:" + path, Path.of(path + ".mv.db"), command);
    }

    @Test
    void initAndAChangeStillMakeTheStoreAndItsFolder() {
        Path sqlite = watched.resolve("a").resolve("plan.db");
        assertThat(new Cli(folder).run("--url", "sqlite:" + sqlite, "add", "goal", "Ship").exitCode()).isZero();
        assertThat(sqlite).isRegularFile();
        Path h2 = watched.resolve("b").resolve("plan");
        assertThat(new Cli(folder).run("--url", "h2:file:" + h2, "init").exitCode()).isZero();
        assertThat(Path.of(h2 + ".mv.db")).isRegularFile();
        Cli.Result listed = new Cli(folder).run("--url", "h2:file:" + h2, "list");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
    }

    @Test
    void theDefaultStoreIsNotMadeByAList() {
        Cli.Result result = new Cli(watched).run("list");
        // The default URL is relative to the process's folder, which the test cannot change: only its name is known.
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(result.err()).startsWith("cairn: no store at ").endsWith("cairn.db (run 'cairn init' to make one)\n");
        assertThat(Path.of("cairn.db")).doesNotExist();
    }

    private void refused(String url, Path file, List<String> command) {
        List<String> args = new ArrayList<>(List.of("--url", url));
        for (String arg : command) {
            args.add(switch (arg) {
                case "OUT/plan.yaml" -> watched.resolve("out").resolve("plan.yaml").toString();
                case "OUT/tree" -> watched.resolve("out").resolve("tree").toString();
                case "PLAN" -> folder.resolve("plan.yaml").toString();
                case "COPY" -> "sqlite:" + watched.resolve("copy.db");
                default -> arg;
            });
        }
        List<Path> before = contents(watched);
        Cli.Result result = new Cli(folder).run(args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(result.err()).as(result.toString())
                .isEqualTo("cairn: no store at " + file + " (run 'cairn init' to make one)\n");
        assertThat(result.out()).isEmpty();
        assertThat(contents(watched)).as("what the folder holds").isEqualTo(before).isEmpty();
    }

    private static List<Path> contents(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> !path.equals(root)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
