package dev.cairn.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The checks every node passes before it reaches a store, the same on every backend. Thread-safe. */
final class NodeRules {
    static final int MAX_TITLE = 500;
    static final int MAX_DESCRIPTION = 100_000;
    static final int MAX_NAME = 200;
    static final int MAX_LABEL = 100;
    static final int MAX_LABELS = 200;
    static final int MAX_CUSTOM_KEY = 100;
    static final int MAX_CUSTOM_FIELDS = 200;
    static final int MAX_SHELL = 10_000;
    static final int MAX_LABEL_DESCRIPTION = 2_000;

    private NodeRules() {
    }

    /** Every violation of {@code node}, in field order; empty when it is valid. */
    static List<Violation> check(Node node) {
        List<Violation> found = new ArrayList<>();
        NodeIds.check("id", node.id(), node.layer()).ifPresent(found::add);
        checkTitle(node.title(), found);
        checkText("description", node.description(), MAX_DESCRIPTION, found);
        if (node.progress() < 0 || node.progress() > 100) {
            found.add(Violation.of("progress", node.progress(), "must be between 0 and 100"));
        } else if (node.status() == Status.COMPLETED && node.progress() != 100) {
            found.add(Violation.of("progress", node.progress(), "must be 100 for a completed node"));
        }
        checkName("owner", node.owner(), found);
        checkName("assignee", node.assignee(), found);
        checkLabels("labels", node.labels(), found);
        if (node.startedAt() != null && node.completedAt() != null
                && node.completedAt().isBefore(node.startedAt())) {
            found.add(Violation.of("completedAt", node.completedAt(), "must not be before startedAt "
                    + node.startedAt()));
        }
        checkCustomFields(node.customFields(), found);
        checkCommand(node, found);
        return found;
    }

    static void require(Node node) {
        List<Violation> found = check(node);
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }

    static void checkTitle(String title, List<Violation> found) {
        if (title == null || title.isBlank()) {
            found.add(Violation.of("title", title, "is required and must not be blank"));
        } else {
            checkText("title", title, MAX_TITLE, found);
        }
    }

    static void checkLabels(String field, Set<String> labels, List<Violation> found) {
        if (labels.size() > MAX_LABELS) {
            found.add(Violation.of(field, labels.size() + " labels", "must be at most " + MAX_LABELS));
        }
        for (String label : labels) {
            labelViolation(field, label).ifPresent(found::add);
        }
    }

    static Optional<Violation> labelViolation(String field, String label) {
        if (label == null || label.isBlank()) {
            return Optional.of(Violation.of(field, label, "a label name must not be blank"));
        }
        if (label.length() > MAX_LABEL) {
            return Optional.of(Violation.of(field, label, "a label name must be at most " + MAX_LABEL
                    + " characters"));
        }
        if (!label.equals(label.strip()) || hasControl(label)) {
            return Optional.of(Violation.of(field, label,
                    "a label name must not have control characters or leading or trailing spaces"));
        }
        return Optional.empty();
    }

    private static void checkName(String field, String value, List<Violation> found) {
        checkText(field, value, MAX_NAME, found);
        if (value != null && hasControl(value)) {
            found.add(Violation.of(field, value, "must not have control characters"));
        }
    }

    private static void checkText(String field, String value, int max, List<Violation> found) {
        if (value != null && value.length() > max) {
            found.add(Violation.of(field, value, "must be at most " + max + " characters, was " + value.length()));
        }
        if (value != null && value.indexOf('\0') >= 0) {
            found.add(Violation.of(field, value, "must not contain a NUL character"));
        }
    }

    private static void checkCustomFields(Map<String, Object> fields, List<Violation> found) {
        if (fields.size() > MAX_CUSTOM_FIELDS) {
            found.add(Violation.of("customFields", fields.size() + " fields", "must be at most " + MAX_CUSTOM_FIELDS));
        }
        for (Map.Entry<String, Object> entry : fields.entrySet()) {
            String key = entry.getKey();
            if (key == null || key.isBlank() || key.length() > MAX_CUSTOM_KEY || hasControl(key)) {
                found.add(Violation.of("customFields", key, "a key must be 1 to " + MAX_CUSTOM_KEY
                        + " characters without control characters"));
                continue;
            }
            Values.firstNonJson("customFields." + key, entry.getValue(), 0).ifPresent(path ->
                    found.add(Violation.of(path, entry.getValue(),
                            "must be JSON-able: a string, number, boolean, list, map of strings, or null")));
        }
    }

    private static void checkCommand(Node node, List<Violation> found) {
        CommandSpec command = node.command();
        if (command == null) {
            return;
        }
        if (node.layer() != Layer.COMMAND) {
            found.add(Violation.of("command", node.layer().displayName(), "only Command nodes carry a command spec"));
            return;
        }
        NodeIds.check("command.acRef", command.acRef(), Layer.ACCEPTANCE_CRITERIA).ifPresent(found::add);
        RunSpec run = command.run();
        if (run.shell().isBlank()) {
            found.add(Violation.of("command.run.shell", run.shell(), "is required and must not be blank"));
        }
        checkText("command.run.shell", run.shell(), MAX_SHELL, found);
        checkText("command.run.workdir", run.workdir(), 1_000, found);
        run.env().forEach((key, value) -> {
            if (!key.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                found.add(Violation.of("command.run.env", key, "a variable name must match [A-Za-z_][A-Za-z0-9_]*"));
            }
            if (value == null || value.indexOf('\0') >= 0) {
                found.add(Violation.of("command.run.env." + key, value, "must be a string without NUL"));
            }
        });
        for (String artifact : command.artifacts()) {
            if (artifact == null || artifact.isBlank() || artifact.indexOf('\0') >= 0 || artifact.length() > 1_000) {
                found.add(Violation.of("command.artifacts", artifact, "a path must be 1 to 1000 characters without NUL"));
            }
        }
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
