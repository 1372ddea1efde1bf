package dev.cairn.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Starts a shell line so that everything it starts can be stopped together, and stops it.
 *
 * <p>Where {@code setsid} and {@code /proc} exist (Linux), the shell starts as the leader of a session of its
 * own, whose id is its process id. Every process it starts stays in that session, even one that makes a process
 * group of its own ({@code timeout}, job control) or whose parent has exited; only a process that calls
 * {@code setsid} itself leaves it. Stopping signals each process of the session, read from {@code /proc}, again
 * and again until none is left, so that one forked meanwhile is caught too. Elsewhere the shell runs plainly and
 * is stopped with the descendants it still has, which misses a process whose parent has exited. Stopping sends
 * TERM, waits up to {@link #GRACE} for the processes to exit, then sends KILL. Thread-safe: no state.
 */
final class ProcessTree {
    static final Duration GRACE = Duration.ofSeconds(2);
    private static final String SHELL = "/bin/sh";
    private static final Path SETSID = findSetsid();

    private ProcessTree() {
    }

    /** The command that runs {@code line} through {@code sh -c}, in a session of its own where it can. */
    static List<String> command(String line) {
        return SETSID == null ? List.of(SHELL, "-c", line) : List.of(SETSID.toString(), SHELL, "-c", line);
    }

    /** Whether every process a run starts is found and stopped with it, background ones included. */
    static boolean stopsWholeSessions() {
        return SETSID != null;
    }

    /**
     * Stops {@code process} and every process it started that is still running: TERM, then KILL for those still
     * running after {@link #GRACE}. Returns once the shell itself is reaped.
     */
    static void stop(Process process) throws InterruptedException {
        if (SETSID != null) {
            long session = process.pid();
            if (!signalUntilGone(session, false)) {
                signalUntilGone(session, true);
            }
        } else {
            List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
            tree.add(process.toHandle());
            tree.forEach(ProcessHandle::destroy);
            long deadline = System.nanoTime() + GRACE.toNanos();
            while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
        process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops what a shell that has exited left running in its session (a process put in the background); nothing
     * where sessions are not used, or when none is left.
     */
    static void stopLeftovers(Process exited) throws InterruptedException {
        if (SETSID != null && !members(exited.pid()).isEmpty()) {
            stop(exited);
        }
    }

    /**
     * Signals every process of {@code session} (TERM, or KILL when {@code forcibly}) until none is left or
     * {@link #GRACE} has passed; true when none is left. {@link ProcessHandle} checks each process's start time,
     * so a process id reused meanwhile by another process is not signalled.
     */
    private static boolean signalUntilGone(long session, boolean forcibly) throws InterruptedException {
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (true) {
            List<Long> members = members(session);
            if (members.isEmpty()) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            for (long pid : members) {
                Optional<ProcessHandle> handle = ProcessHandle.of(pid);
                handle.ifPresent(forcibly ? ProcessHandle::destroyForcibly : ProcessHandle::destroy);
            }
            Thread.sleep(20);
        }
    }

    /** The processes of session {@code session} that still run (zombies left out), from {@code /proc}. */
    static List<Long> members(long session) {
        List<Long> members = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String stat;
                try {
                    stat = Files.readString(process.resolve("stat"), StandardCharsets.ISO_8859_1);
                } catch (IOException gone) {
                    continue; // exited while listed
                }
                // pid (comm) state ppid pgrp session ...: comm may hold spaces and parentheses, so read after the
                // last ')'.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 5);
                if (!fields[0].equals("Z") && !fields[0].equals("X") && Long.parseLong(fields[3]) == session) {
                    members.add(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return List.of(); // no /proc to read: nothing known to stop
        }
        return members;
    }

    private static Path findSetsid() {
        if (!Files.isReadable(Path.of("/proc/self/stat"))) {
            return null;
        }
        for (String folder : List.of("/usr/bin", "/bin", "/usr/local/bin", "/usr/sbin", "/sbin")) {
            Path candidate = Path.of(folder, "setsid");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
