package dev.cairn.core.io;

import dev.cairn.core.Violation;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The fields of a node file, by ToDoWrite's names, and the way Cairn's own field names map to them: what
 * {@link NodeReader} accepts and {@link NodeWriter} writes.
 *
 * <pre>
 * id: TSK-PARSER
 * layer: Task
 * title: Write the parser
 * description: ''
 * metadata:
 *   owner: ana
 *   labels: [parser]
 *   severity: med
 *   work_type: implementation
 *   status: in_progress        # Cairn's fields beside ToDoWrite's: the ToDoWrite schema lets metadata hold more
 *   progress: 40
 *   started_date: 2026-03-01T09:00:00Z
 *   created_at: …
 *   updated_at: …
 *   estimate_days: 3           # a custom field
 * links: {parents: [STP-X], children: [SUB-Y]}
 * command: {ac_ref: AC-X, run: {shell: …, workdir: …, env: {…}}, artifacts: […]}   # Command nodes only
 * </pre>
 *
 * <p>Reading also takes {@code status}, {@code progress}, {@code assignee}, {@code started_date} and
 * {@code completion_date} at the top level, where later ToDoWrite versions put them. A custom field whose
 * name is one of Cairn's metadata fields is written under {@code metadata.custom}. Thread-safe: constants only.
 */
final class TodoWriteFields {
    static final Set<String> TOP_LEVEL = Set.of("id", "layer", "title", "description", "metadata", "links",
            "command", "status", "progress", "assignee", "started_date", "completion_date");
    /** The top-level fields of a node whose links are not part of it, as in a one-file plan. */
    static final Set<String> TOP_LEVEL_WITHOUT_LINKS = without(TOP_LEVEL, "links");
    /** Cairn's fields under {@code metadata}; every other name there is a custom field. */
    static final Set<String> METADATA = Set.of("owner", "labels", "severity", "work_type", "assignee",
            "status", "progress", "started_date", "completion_date", "created_at", "updated_at", "version", "custom");
    static final Set<String> COMMAND = Set.of("ac_ref", "run", "artifacts");
    static final Set<String> RUN = Set.of("shell", "workdir", "env");
    static final Set<String> LINKS = Set.of("parents", "children");

    /**
     * Reserved custom fields, kept by a lenient tree import for what a Cairn node cannot hold, and consumed by a
     * tree export, which writes them back where the owner wrote them.
     */
    /** The links a file names that are no Cairn link ({@code {parents: […], children: […]}}), as written. */
    static final String UNRESOLVED_LINKS = "todowrite.unresolved_links";
    /** Links stored from the other node's file only ({@code {parents: […], children: […]}}), by Cairn id. */
    static final String UNLISTED_LINKS = "todowrite.unlisted_links";
    /** The id as the file gives it, when Cairn's id had to add the layer's prefix. */
    static final String WRITTEN_ID = "todowrite.id";
    /** The file's path, as the one-folder layout names it, when it is not {@code <layer folder>/<id>.yaml}. */
    static final String WRITTEN_FILE = "todowrite.file";
    static final Set<String> RESERVED = Set.of(UNRESOLVED_LINKS, UNLISTED_LINKS, WRITTEN_ID, WRITTEN_FILE);

    private TodoWriteFields() {
    }

    /** The file's name for a field a {@link Violation} names by Cairn's. */
    static String fileField(String field) {
        return switch (field) {
            case "id", "title", "description", "layer" -> field;
            case "startedAt" -> "metadata.started_date";
            case "completedAt" -> "metadata.completion_date";
            case "workType" -> "metadata.work_type";
            case "command.acRef" -> "command.ac_ref";
            default -> {
                if (field.startsWith("customFields")) {
                    yield "metadata" + field.substring("customFields".length());
                }
                if (field.startsWith("command.run.") || field.startsWith("command.artifacts")
                        || field.equals("command")) {
                    yield field;
                }
                yield "metadata." + field;
            }
        };
    }

    private static Set<String> without(Set<String> names, String name) {
        Set<String> rest = new LinkedHashSet<>(names);
        rest.remove(name);
        return Set.copyOf(rest);
    }
}
