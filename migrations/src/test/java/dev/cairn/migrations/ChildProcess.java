package dev.cairn.migrations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A {@link MigratorProcessMain} in a second JVM with this test's class path; its output is collected. */
final class ChildProcess {
    final Process process;
    final List<String> output = new CopyOnWriteArrayList<>();
    private final CountDownLatch marker = new CountDownLatch(1);

    private ChildProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    if (line.equals(SlowJavaMigration.MARKER)) {
                        marker.countDown();
                    }
                }
            } catch (IOException ignored) {
                // The process was killed; its output ends here.
            }
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildProcess start(String url, Dialect dialect, Path folder, long sleepMillis) throws IOException {
        return start(url, dialect, folder, sleepMillis, List.of());
    }

    /** With {@code schema}: a migrator behind a transaction-pooling proxy, migrating that schema. */
    static ChildProcess startPooled(String url, Path folder, long sleepMillis, String schema) throws IOException {
        return start(url, Dialect.POSTGRESQL, folder, sleepMillis, List.of(schema));
    }

    private static ChildProcess start(String url, Dialect dialect, Path folder, long sleepMillis, List<String> more)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                MigratorProcessMain.class.getName(), url, dialect.name(), folder.toString(),
                String.valueOf(sleepMillis)));
        command.addAll(more);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .start();
        return new ChildProcess(process);
    }

    /** Waits until the child is inside the slow migration, holding the lock. */
    boolean awaitInMigration(long seconds) throws InterruptedException {
        return marker.await(seconds, TimeUnit.SECONDS);
    }

    int awaitExit(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("child did not finish: " + output);
        }
        return process.exitValue();
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }
}
