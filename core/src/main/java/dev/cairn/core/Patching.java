package dev.cairn.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Applies a {@link NodePatch} to a node: fields named change, the status through the rules. */
final class Patching {
    private final Node current;
    private final NodePatch patch;
    private final Instant now;

    Patching(Node current, NodePatch patch, Instant now) {
        this.current = current;
        this.patch = patch;
        this.now = now;
    }

    Node apply() {
        List<Violation> violations = new ArrayList<>();
        String title = pick(NodePatch.Field.TITLE, current.title());
        if (patch.has(NodePatch.Field.TITLE)) {
            NodeRules.checkTitle(title, violations);
        }
        Set<String> labels = current.labels();
        if (patch.has(NodePatch.Field.LABELS)) {
            @SuppressWarnings("unchecked")
            Collection<String> named = (Collection<String>) patch.get(NodePatch.Field.LABELS);
            labels = named == null ? Set.of() : new TreeSet<>(nonNull(named, violations));
        }
        Map<String, Object> custom = new LinkedHashMap<>(current.customFields());
        patch.customFields().forEach((key, value) -> {
            if (value == null) {
                custom.remove(key);
            } else {
                custom.put(key, value);
            }
        });
        Status status = current.status();
        int progress = current.progress();
        Instant startedAt = current.startedAt();
        Instant completedAt = current.completedAt();
        if (patch.has(NodePatch.Field.PROGRESS)) {
            Integer named = (Integer) patch.get(NodePatch.Field.PROGRESS);
            progress = named == null ? 0 : named;
        }
        if (patch.has(NodePatch.Field.STATUS)) {
            Status next = (Status) patch.get(NodePatch.Field.STATUS);
            if (next == null) {
                violations.add(Violation.of("status", null, "cannot be cleared; name a status"));
            } else if (next != status) {
                if (!status.canMoveTo(next)) {
                    throw new InvalidTransitionException("Cannot move " + current.id() + " from "
                            + status.wireName() + " to " + next.wireName() + ": from " + status.wireName()
                            + " it may move to " + status.successors().stream().map(Status::wireName).toList()
                            + (status == Status.COMPLETED ? " (reopen it first)" : "") + ".");
                }
                status = next;
                if (status == Status.IN_PROGRESS && startedAt == null) {
                    startedAt = now;
                }
                if (status == Status.COMPLETED) {
                    completedAt = now;
                    progress = 100;
                }
            }
        }
        startedAt = patch.has(NodePatch.Field.STARTED_AT)
                ? NodeWrites.truncate((Instant) patch.get(NodePatch.Field.STARTED_AT)) : startedAt;
        completedAt = patch.has(NodePatch.Field.COMPLETED_AT)
                ? NodeWrites.truncate((Instant) patch.get(NodePatch.Field.COMPLETED_AT)) : completedAt;
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return current.toBuilder().title(title).description(pick(NodePatch.Field.DESCRIPTION, current.description()))
                .status(status).progress(progress).owner(pick(NodePatch.Field.OWNER, current.owner()))
                .assignee(pick(NodePatch.Field.ASSIGNEE, current.assignee()))
                .severity(pick(NodePatch.Field.SEVERITY, current.severity()))
                .workType(pick(NodePatch.Field.WORK_TYPE, current.workType())).labels(labels)
                .startedAt(startedAt).completedAt(completedAt).customFields(custom)
                .command(pick(NodePatch.Field.COMMAND, current.command())).build();
    }

    /** The fields that differ, each as {@code {from, to}} in wire form; empty when nothing changed. */
    static Map<String, Object> differences(Node before, Node after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        compare(changes, "title", before.title(), after.title());
        compare(changes, "description", before.description(), after.description());
        compare(changes, "status", wire(before.status()), wire(after.status()));
        compare(changes, "progress", before.progress(), after.progress());
        compare(changes, "owner", before.owner(), after.owner());
        compare(changes, "assignee", before.assignee(), after.assignee());
        compare(changes, "severity", wire(before.severity()), wire(after.severity()));
        compare(changes, "workType", wire(before.workType()), wire(after.workType()));
        compare(changes, "labels", List.copyOf(before.labels()), List.copyOf(after.labels()));
        compare(changes, "startedAt", text(before.startedAt()), text(after.startedAt()));
        compare(changes, "completedAt", text(before.completedAt()), text(after.completedAt()));
        compare(changes, "customFields", before.customFields(), after.customFields());
        compare(changes, "command", text(before.command()), text(after.command()));
        return changes;
    }

    private static void compare(Map<String, Object> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("from", before);
            change.put("to", after);
            changes.put(field, change);
        }
    }

    private static String wire(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    private <T> T pick(NodePatch.Field field, T currentValue) {
        return patch.has(field) ? (T) patch.get(field) : currentValue;
    }

    private static Collection<String> nonNull(Collection<String> names, List<Violation> violations) {
        List<String> kept = new ArrayList<>();
        for (String name : names) {
            NodeRules.labelViolation("labels", name).ifPresentOrElse(violations::add, () -> kept.add(name));
        }
        return kept;
    }
}
