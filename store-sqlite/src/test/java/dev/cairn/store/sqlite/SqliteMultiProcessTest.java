package dev.cairn.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Cairn;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.core.NodeQuery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two other JVMs and this one write one SQLite file at once. Every write must succeed: a lock held by
 * another process is waited for, never reported as "database is locked".
 */
class SqliteMultiProcessTest {
    private static final int WRITES_EACH = 150;

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void threeProcessesWritingOneFileLoseNothingAndNeverSeeALock() throws Exception {
        String url = "sqlite:" + folder.resolve("shared.db");
        try (Cairn cairn = Cairn.open(url)) {
            cairn.create(NodeDraft.of(Layer.GOAL, "Shared").id("GOAL-shared"));
        }
        List<Process> processes = new ArrayList<>();
        List<Path> outputs = new ArrayList<>();
        for (String prefix : List.of("a", "b")) {
            Path output = folder.resolve(prefix + ".log");
            outputs.add(output);
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true",
                    SqliteWriterProcess.class.getName(), url, prefix, String.valueOf(WRITES_EACH))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start());
        }

        SqliteWriterProcess.run(url, "c", WRITES_EACH);

        for (int index = 0; index < processes.size(); index++) {
            Process process = processes.get(index);
            assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("process finished").isTrue();
            String log = read(outputs.get(index));
            assertThat(log).doesNotContainIgnoringCase("database is locked").doesNotContain("SQLITE_BUSY");
            assertThat(process.exitValue()).as("exit code of writer; its output:%n%s", log).isZero();
        }
        try (Cairn cairn = Cairn.open(url)) {
            assertThat(cairn.count(NodeQuery.layer(Layer.TASK))).isEqualTo(3 * WRITES_EACH);
            assertThat(cairn.children("GOAL-shared")).hasSize(3 * WRITES_EACH);
            assertThat(cairn.get("GOAL-shared").customFields()).containsEntry("count", 3 * WRITES_EACH);
            assertThat(cairn.get("GOAL-shared").version()).isEqualTo(1 + 3 * WRITES_EACH);
            for (String prefix : List.of("a", "b", "c")) {
                assertThat(cairn.find(NodeQuery.all().withAnyLabel(prefix)))
                        .hasSize(WRITES_EACH)
                        .allSatisfy(task -> assertThat(task.customFields()).containsEntry("writer", prefix));
            }
            // Per task: created, linked, status changed, updated; per increment: updated.
            assertThat(cairn.events(0, Integer.MAX_VALUE)).hasSize(1 + 3 * WRITES_EACH * 5);
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
