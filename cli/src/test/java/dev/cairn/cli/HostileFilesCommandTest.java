package dev.cairn.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and folders made to trap an export or an import: links out of the tree, names an export writes to,
 * several YAML documents in one file, a value too long to scan. Nothing outside is written or read, nothing is
 * dropped without a word.
 */
final class HostileFilesCommandTest {
    @TempDir
    Path folder;

    @TempDir
    Path outside;

    private String url;

    @BeforeEach
    void plan() {
        url = "sqlite:" + folder.resolve("plan.db");
        ok("add", "goal", "Ship", "--id", "GOAL-SHIP");
        ok("add", "task", "Write", "--id", "TSK-WRITE", "--parent", "GOAL-SHIP");
    }

    private Cli.Result run(String... args) {
        return new Cli(folder).run(Stream.concat(Stream.of("--url", url), Stream.of(args)).toArray(String[]::new));
    }

    private String ok(String... args) {
        Cli.Result result = run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result.out();
    }

    @Test
    void aTreeExportNeverWritesIntoALinkedLayerFolder() throws IOException {
        Path tree = Files.createDirectories(folder.resolve("tree/plans"));
        Files.createSymbolicLink(tree.resolve("goals"), outside);

        Cli.Result result = run("export", "--tree", folder.resolve("tree").toString());

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.err()).contains("is a link");
        try (Stream<Path> files = Files.list(outside)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aTreeExportReplacesALinkAtANodesFileInsteadOfWritingThroughIt() throws IOException {
        Path victim = Files.writeString(outside.resolve("victim.txt"), "keep me");
        Path goals = Files.createDirectories(folder.resolve("tree/plans/goals"));
        Files.createSymbolicLink(goals.resolve("GOAL-SHIP.yaml"), victim);
        Files.createSymbolicLink(goals.resolve(".GOAL-SHIP.yaml.partial"), victim);

        ok("export", "--tree", folder.resolve("tree").toString());

        assertThat(victim).hasContent("keep me");
        assertThat(Files.isSymbolicLink(goals.resolve("GOAL-SHIP.yaml"))).isFalse();
        assertThat(Files.readString(goals.resolve("GOAL-SHIP.yaml"))).contains("GOAL-SHIP");
    }

    @Test
    void partialFilesOfAnInterruptedTreeExportAreRemovedAndReported() throws IOException {
        Path goals = Files.createDirectories(folder.resolve("tree/plans/goals"));
        Files.writeString(goals.resolve(".GOAL-SHIP.yaml.1f2e3d4c5b6a7988.partial"), "id: GOAL-SH");

        String out = ok("export", "--tree", folder.resolve("tree").toString());

        assertThat(out).contains("Removed 1 temporary file(s)");
        try (Stream<Path> files = Files.walk(folder.resolve("tree"))) {
            assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void exportedFilesGetTheModeTheUmaskGivesNotATemporaryFilesMode() throws IOException {
        ok("export", "--tree", folder.resolve("tree").toString());
        ok("export", folder.resolve("plan.yaml").toString());

        for (Path file : new Path[] {folder.resolve("tree/plans/goals/GOAL-SHIP.yaml"), folder.resolve("plan.yaml")}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isNotEqualTo("rw-------");
        }
    }

    @Test
    void aTreeImportRefusesALinkOutOfTheTreeAndFollowsOneThatStaysInside() throws IOException {
        ok("export", "--tree", folder.resolve("tree").toString());
        Path tree = folder.resolve("tree");
        Files.writeString(outside.resolve("GOAL-OUT.yaml"), "id: GOAL-OUT\nlayer: Goal\ntitle: From outside\n");
        Files.createSymbolicLink(tree.resolve("plans/goals/GOAL-OUT.yaml"), outside.resolve("GOAL-OUT.yaml"));
        String second = "sqlite:" + folder.resolve("second.db");

        Cli.Result refused = new Cli(folder).run("--url", second, "import", "--tree", tree.toString());

        assertThat(refused.exitCode()).as(refused.toString()).isNotZero();
        assertThat(refused.err()).contains("plans/goals/GOAL-OUT.yaml").contains("outside the tree");

        Files.delete(tree.resolve("plans/goals/GOAL-OUT.yaml"));
        Files.move(tree.resolve("plans/tasks"), tree.resolve("real-tasks"));
        Files.createSymbolicLink(tree.resolve("plans/tasks"), tree.resolve("real-tasks"));
        Cli.Result followed = new Cli(folder).run("--url", second, "import", "--tree", tree.toString());
        assertThat(followed.exitCode()).as(followed.toString()).isZero();
        assertThat(new Cli(folder).run("--url", second, "show", "TSK-WRITE").exitCode()).isZero();
    }

    @Test
    void aTreeWithNoPlanFileIsAnError() throws IOException {
        Files.createDirectories(folder.resolve("empty/plans/goals"));
        Cli.Result result = run("import", "--tree", folder.resolve("empty").toString());
        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.err()).contains("holds no plan file");
    }

    @Test
    void aPlanFileWithASecondYamlDocumentIsRefusedAtItsLine() throws IOException {
        ok("export", folder.resolve("plan.yaml").toString());
        String plan = Files.readString(folder.resolve("plan.yaml"));
        int lines = (int) plan.lines().count();
        Files.writeString(folder.resolve("two.yaml"), plan + "---\nformat: cairn-plan\nversion: 1\n");

        Cli.Result result = new Cli(folder).run("--url", "sqlite:" + folder.resolve("second.db"), "import",
                folder.resolve("two.yaml").toString());

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.err()).contains("two.yaml:" + (lines + 2)).contains("second YAML document");
        assertThat(new Cli(folder).run("--url", "sqlite:" + folder.resolve("second.db"), "show", "GOAL-SHIP")
                .exitCode()).isNotZero();
    }

    @Test
    void aYamlValueFarPastTheLimitIsRefusedAtItsLineWithoutScanningItAll() throws IOException {
        // 30 million characters on one line: scanned whole, this took SnakeYAML minutes.
        Path file = folder.resolve("huge.yaml");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("format: cairn-plan\nversion: 1\nnodes:\n- id: GOAL-BIG\n  layer: Goal\n  title: ");
            char[] chunk = new char[1_000_000];
            Arrays.fill(chunk, 'x');
            for (int i = 0; i < 30; i++) {
                out.write(chunk);
            }
            out.write("\n");
        }
        Cli.Result result = run("import", file.toString(), "--dry-run");

        assertThat(result.exitCode()).as(result.toString()).isNotZero();
        assertThat(result.err()).contains("huge.yaml:6").contains("has a line longer than");
    }
}
