package dev.cairn.store.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cairn.core.Cairn;
import dev.cairn.test.logging.CapturedLogs;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an H2 store logs: each migration applied, and its open and close. */
class H2LoggingTest {
    @TempDir
    Path temp;

    @Test
    void openingANewStoreLogsEachMigrationAppliedAndItsOpenAndClose() {
        String url = "h2:file:" + temp.resolve("plan");
        CapturedLogs.Capture capture = CapturedLogs.start();

        Cairn.open(url).close();

        assertThat(capture.events("dev.cairn")).extracting(CapturedLogs.Event::message)
                .anySatisfy(line -> assertThat(line).matches(
                        "Applied migration cairn 1 \\(init\\) to jdbc:h2:file:.*plan in \\d+ ms"))
                .anySatisfy(line -> assertThat(line).startsWith("Opened the h2 store " + url + " in "))
                .anySatisfy(line -> assertThat(line).isEqualTo("Closed the h2 store " + url));
    }
}
