package dev.cairn.runner;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Command's shell line that starts with {@code #!} ({@code #!/bin/bash}, {@code #!/usr/bin/env python3}) is a
 * script for that interpreter, as ToDoWrite runs it: it is written beside the run's log and run by the
 * interpreter, with the one argument the line may give, as the kernel would. Any other line goes to
 * {@code /bin/sh -c} as it is. Thread-safe: stateless.
 */
final class Scripts {
    private Scripts() {
    }

    /** The line for {@code sh -c} that runs {@code shell}; a script is written beside {@code log} first. */
    static String line(String shell, Path log) throws IOException {
        if (!shell.startsWith("#!")) {
            return shell;
        }
        int end = shell.indexOf('\n');
        String interpreter = (end < 0 ? shell.substring(2) : shell.substring(2, end)).strip();
        if (interpreter.isEmpty()) {
            return shell;
        }
        String name = log.getFileName().toString();
        Path script = log.resolveSibling(name.substring(0, name.lastIndexOf('.') < 0 ? name.length()
                : name.lastIndexOf('.')) + ".script");
        Files.writeString(script, shell, StandardCharsets.UTF_8);
        int space = indexOfBlank(interpreter);
        String program = space < 0 ? interpreter : interpreter.substring(0, space);
        String argument = space < 0 ? null : interpreter.substring(space).strip();
        return "exec " + quoted(program) + (argument == null || argument.isEmpty() ? "" : " " + quoted(argument))
                + " " + quoted(script.toAbsolutePath().toString());
    }

    private static int indexOfBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == ' ' || text.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    private static String quoted(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
