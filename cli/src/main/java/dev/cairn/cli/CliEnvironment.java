package dev.cairn.cli;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a run of the command line talks to: its output streams, its input, the environment variables, the
 * working folder, and whether a person is at a terminal. Tests make their own; {@link #system()} is the
 * process's.
 *
 * @param out         where results go
 * @param err         where errors, questions and progress go
 * @param in          where answers to questions come from
 * @param variables   the environment variables ({@code CAIRN_URL})
 * @param workingDir  where {@code cairn.yaml} is looked for
 * @param interactive whether a person is at a terminal: questions are asked and progress is drawn only then
 */
record CliEnvironment(PrintWriter out, PrintWriter err, BufferedReader in, Map<String, String> variables,
                      Path workingDir, boolean interactive) {

    /** The process's streams, in UTF-8, and a terminal when {@link System#console()} says there is one. */
    static CliEnvironment system() {
        // Buffered, flushed once at the end: a list of 10,000 nodes is one write, not 10,000.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        return new CliEnvironment(out, err, in, System.getenv(), Path.of("").toAbsolutePath(),
                System.console() != null);
    }
}
