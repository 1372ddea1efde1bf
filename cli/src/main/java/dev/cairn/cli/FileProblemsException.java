package dev.cairn.cli;

import java.util.List;

/**
 * Files that break the rules they were checked against, such as a ToDoWrite JSON schema: the message is the one
 * {@code cairn: } line, {@link #problems()} the lines that follow it, one a problem ({@code file:line: field: rule}).
 * Exit code 4, as a refused import.
 */
final class FileProblemsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    FileProblemsException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
