package dev.cairn.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Cairn;
import dev.cairn.core.Layer;
import dev.cairn.core.NodeDraft;
import dev.cairn.test.logging.CapturedLogs;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/** What a SQLite store logs: the new file, each migration, open and close, and a long wait for the lock. */
class SqliteLoggingTest {
    @TempDir
    Path temp;

    @Test
    void aNewStoreLogsItsFileEachMigrationAppliedAndItsOpenAndClose() {
        Path file = temp.resolve("plan.db");
        CapturedLogs.Capture capture = CapturedLogs.start();

        Cairn.open("sqlite:" + file).close();

        assertThat(capture.events("dev.cairn")).allSatisfy(event -> assertThat(event.level()).isEqualTo(Level.INFO))
                .extracting(CapturedLogs.Event::message)
                .anySatisfy(line -> assertThat(line).isEqualTo("Creating the SQLite store file " + file))
                .anySatisfy(line -> assertThat(line).matches(
                        "Applied migration cairn 1 \\(init\\) to jdbc:sqlite:.*plan\\.db in \\d+ ms"))
                .anySatisfy(line -> assertThat(line).startsWith("Opened the sqlite store sqlite:" + file + " in "))
                .anySatisfy(line -> assertThat(line).isEqualTo("Closed the sqlite store sqlite:" + file));

        CapturedLogs.Capture reopened = CapturedLogs.start();
        Cairn.open("sqlite:" + file).close();
        assertThat(reopened.events("dev.cairn")).extracting(CapturedLogs.Event::message)
                .noneSatisfy(line -> assertThat(line).startsWith("Applied migration"))
                .noneSatisfy(line -> assertThat(line).startsWith("Creating"));
    }

    @Test
    void aWriteThatWaitsOverASecondForTheLockSaysSo() throws Exception {
        Path file = temp.resolve("busy.db");
        try (Cairn cairn = Cairn.open("sqlite:" + file)) {
            CountDownLatch locked = new CountDownLatch(1);
            CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> {
                try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                     Statement statement = other.createStatement()) {
                    statement.execute("BEGIN IMMEDIATE");
                    locked.countDown();
                    Thread.sleep(1_500);
                    statement.execute("COMMIT");
                } catch (Exception failure) {
                    throw new IllegalStateException(failure);
                }
            });
            assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
            CapturedLogs.Capture capture = CapturedLogs.start();

            cairn.create(NodeDraft.of(Layer.GOAL, "Waited").id("GOAL-1"));

            holder.get(30, TimeUnit.SECONDS);
            assertThat(capture.events("dev.cairn")).anySatisfy(event -> assertThat(event.message())
                    .matches("Waited \\d+ ms to begin a write on the sqlite store sqlite:.*busy\\.db.*"));
        }
    }
}
