package dev.cairn.runner;

import dev.cairn.core.run.CommandRun;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Copies a command's output into its log, up to a cap, on a thread of its own: past the cap, only the last
 * {@link CommandRun#MAX_TAIL_BYTES} bytes are kept, and written at the end after a line that says how much was
 * left out, so a runaway command cannot fill the disk and its last words are still in the log and the run. Not
 * thread-safe: one per run, {@link #finish} called once.
 */
final class LogPump {
    private final InputStream output;
    private final Path log;
    private final long cap;
    private final Thread thread;
    private final byte[] ring = new byte[CommandRun.MAX_TAIL_BYTES];
    private long written;
    private long dropped;
    private int ringEnd;
    private boolean ringFull;
    private IOException failure;

    private LogPump(InputStream output, Path log, long cap, String commandId) {
        this.output = output;
        this.log = log;
        this.cap = cap;
        this.thread = new Thread(this::copy, "cairn-run-log-" + commandId);
        thread.setDaemon(true);
    }

    static LogPump start(InputStream output, Path log, long cap, String commandId) {
        LogPump pump = new LogPump(output, log, cap, commandId);
        pump.thread.start();
        return pump;
    }

    private void copy() {
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream file = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
            for (int read; (read = output.read(buffer)) > 0; ) {
                int kept = (int) Math.max(0, Math.min(read, cap - written));
                if (kept > 0) {
                    file.write(buffer, 0, kept);
                    written += kept;
                }
                if (kept < read) {
                    keep(buffer, kept, read - kept);
                    dropped += read - kept;
                }
            }
        } catch (IOException ioFailure) {
            // The output closed under the reader (finish gave up waiting), or the log could not be written.
            failure = ioFailure;
        }
    }

    private void keep(byte[] bytes, int offset, int length) {
        for (int i = 0; i < length; i++) {
            ring[ringEnd] = bytes[offset + i];
            ringEnd = (ringEnd + 1) % ring.length;
            ringFull |= ringEnd == 0;
        }
    }

    /**
     * Waits up to {@code wait} for the output to end (every process holding it has ended), then stops reading,
     * and writes what was kept past the cap, with the line that says so.
     */
    void finish(Duration wait) throws InterruptedException {
        thread.join(wait.toMillis());
        if (thread.isAlive()) {
            try {
                output.close();
            } catch (IOException ignored) {
                // Closing only to unblock the reader.
            }
            thread.join(wait.toMillis());
        }
        if (thread.isAlive() || dropped == 0) {
            return;
        }
        long keptAtEnd = ringFull ? ring.length : ringEnd;
        try (OutputStream file = Files.newOutputStream(log, StandardOpenOption.APPEND)) {
            file.write(("\ncairn: the output passed the log cap of " + cap + " bytes; " + (dropped - keptAtEnd)
                    + " bytes after it are left out; its last " + keptAtEnd + " bytes follow\n")
                    .getBytes(StandardCharsets.UTF_8));
            if (ringFull) {
                file.write(ring, ringEnd, ring.length - ringEnd);
            }
            file.write(ring, 0, ringEnd);
            file.write(("\ncairn: output capped at " + cap + " bytes, " + (written + dropped) + " in all\n")
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException cannotWrite) {
            failure = cannotWrite;
        }
    }

    /** Whether the output passed the cap. */
    boolean capped() {
        return dropped > 0;
    }

    /** Why the log may be incomplete, or null. */
    IOException failure() {
        return failure;
    }
}
