package dev.cairn.core.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a shell line so that everything it starts can be stopped together, and stops it.
 *
 * <p>Where {@code setsid} and {@code /proc} exist (Linux), the shell starts as the leader of a session and
 * process group of its own, whose id is its process id: every process it starts stays in that group, even one
 * put in the background whose parent has exited, and one {@code kill} signals them all. Elsewhere the shell
 * runs plainly and is stopped with the descendants it still has, which misses a background process whose
 * parent has exited. Stopping sends TERM, waits up to {@link #GRACE} for the processes to exit, then sends
 * KILL. Thread-safe: no state.
 */
final class ProcessTree {
    static final Duration GRACE = Duration.ofSeconds(2);
    private static final String SHELL = "/bin/sh";
    private static final Path SETSID = findSetsid();

    private ProcessTree() {
    }

    /** The command that runs {@code line} through {@code sh -c}, in a process group of its own where it can. */
    static List<String> command(String line) {
        return SETSID == null ? List.of(SHELL, "-c", line) : List.of(SETSID.toString(), SHELL, "-c", line);
    }

    /** Whether a process started with {@link #command} leads a process group that {@link #stop} signals whole. */
    static boolean groups() {
        return SETSID != null;
    }

    /**
     * Stops {@code process} and every process it started that is still running: TERM, then KILL for those still
     * running after {@link #GRACE}. Returns once the shell itself is reaped.
     */
    static void stop(Process process) throws InterruptedException {
        if (SETSID != null) {
            long group = process.pid();
            signal(group, "TERM");
            if (!awaitEmpty(group, GRACE)) {
                signal(group, "KILL");
                awaitEmpty(group, GRACE);
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
     * Stops what a shell that has exited left running in its group (a process put in the background); nothing
     * where groups are not used, or when none is left.
     */
    static void stopLeftovers(Process exited) throws InterruptedException {
        if (SETSID != null && !members(exited.pid()).isEmpty()) {
            stop(exited);
        }
    }

    /** The processes of group {@code group} that still run (zombies left out), from {@code /proc}. */
    static List<Long> members(long group) {
        List<Long> members = new ArrayList<>();
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String stat;
                try {
                    stat = Files.readString(process.resolve("stat"), StandardCharsets.ISO_8859_1);
                } catch (IOException gone) {
                    continue; // exited while listed
                }
                // pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses, so read after the last ')'.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ", 4);
                if (!fields[0].equals("Z") && !fields[0].equals("X") && Long.parseLong(fields[2]) == group) {
                    members.add(Long.parseLong(process.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return List.of(); // no /proc to read: nothing known to stop
        }
        return members;
    }

    private static boolean awaitEmpty(long group, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!members(group).isEmpty()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static void signal(long group, String signal) throws InterruptedException {
        try {
            // kill(1) with a negative id signals a whole group at once, which ProcessHandle cannot.
            Process kill = new ProcessBuilder(SHELL, "-c", "kill -s " + signal + " -- -" + group + " 2>/dev/null")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).start();
            kill.waitFor();
        } catch (IOException cannotSignal) {
            // Nothing more to do: the members are reported by awaitEmpty, and KILL is tried next.
        }
    }

    private static Path findSetsid() {
        if (!Files.isReadable(Path.of("/proc/self/stat"))) {
            return null;
        }
        for (String folder : List.of("/usr/bin", "/bin", "/usr/local/bin")) {
            Path candidate = Path.of(folder, "setsid");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
