package dev.cairn.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs {@code cairn} in this JVM with captured output, as a test's person or script would. */
final class Cli {
    private final Path workingDir;
    private final Map<String, String> variables = new HashMap<>();
    private boolean interactive;
    private String input = "";

    Cli(Path workingDir) {
        this.workingDir = workingDir;
    }

    Cli variable(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /** A person at a terminal, typing {@code input}. */
    Cli interactive(String input) {
        this.interactive = true;
        this.input = input;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out), new PrintWriter(err),
                new BufferedReader(new StringReader(input)), Map.copyOf(variables), workingDir, interactive);
        int exitCode = CairnCli.execute(environment, args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    /** What one run did. */
    record Result(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }
}
