package dev.cairn.cli;

import dev.cairn.core.CommandSpec;
import dev.cairn.core.Event;
import dev.cairn.core.Health;
import dev.cairn.core.Label;
import dev.cairn.core.Layer;
import dev.cairn.core.Node;
import dev.cairn.core.PlanTree;
import dev.cairn.core.Status;
import dev.cairn.core.StatusCount;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON and YAML shapes of {@code --format json|yaml}, in one place (cli/README.md documents them).
 * Every key is always present, {@code null} when empty; dates are ISO-8601 instants; layers are written as
 * ToDoWrite names them ({@code AcceptanceCriteria}), statuses and other values in lower case
 * ({@code in_progress}). New keys may be added; none is renamed or removed within a major version.
 */
final class Shapes {
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Shapes() {
    }

    static Map<String, Object> node(Node node) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", node.id());
        map.put("layer", node.layer().displayName());
        map.put("title", node.title());
        map.put("description", node.description());
        map.put("status", node.status().wireName());
        map.put("progress", progress(node.progress()));
        map.put("owner", node.owner());
        map.put("assignee", node.assignee());
        map.put("severity", node.severity() == null ? null : node.severity().wireName());
        map.put("workType", node.workType() == null ? null : node.workType().wireName());
        map.put("labels", List.copyOf(node.labels()));
        map.put("startedAt", instant(node.startedAt()));
        map.put("completedAt", instant(node.completedAt()));
        map.put("createdAt", instant(node.createdAt()));
        map.put("updatedAt", instant(node.updatedAt()));
        map.put("version", node.version());
        map.put("customFields", node.customFields());
        map.put("command", command(node.command()));
        return map;
    }

    static List<Map<String, Object>> nodes(List<Node> nodes) {
        List<Map<String, Object>> list = new ArrayList<>(nodes.size());
        for (Node node : nodes) {
            list.add(node(node));
        }
        return list;
    }

    static Map<String, Object> command(CommandSpec command) {
        if (command == null) {
            return null;
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("shell", command.run().shell());
        run.put("workdir", command.run().workdir());
        run.put("env", command.run().env());
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("acRef", command.acRef());
        map.put("run", run);
        map.put("artifacts", command.artifacts());
        return map;
    }

    static List<Map<String, Object>> trees(List<PlanTree> trees) {
        List<Map<String, Object>> list = new ArrayList<>(trees.size());
        for (PlanTree tree : trees) {
            list.add(tree(tree));
        }
        return list;
    }

    static Map<String, Object> tree(PlanTree tree) {
        Node node = tree.node();
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", node.id());
        map.put("layer", node.layer().displayName());
        map.put("title", node.title());
        map.put("status", node.status().wireName());
        map.put("progress", progress(node.progress()));
        map.put("rolledUpProgress", rounded(tree.rolledUpProgress()));
        map.put("children", trees(tree.children()));
        return map;
    }

    static Map<String, Object> event(Event event) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("sequence", event.sequence());
        map.put("nodeId", event.nodeId());
        map.put("type", event.type().name().toLowerCase(Locale.ROOT));
        map.put("at", instant(event.at()));
        map.put("actor", event.actor());
        map.put("details", event.details());
        return map;
    }

    static Map<String, Object> label(Label label, long nodes) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", label.name());
        map.put("description", label.description());
        map.put("nodes", nodes);
        return map;
    }

    static Map<String, Object> health(Health health) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("backend", health.backend());
        map.put("url", health.url());
        map.put("up", health.up());
        map.put("serverVersion", health.serverVersion() == null || health.serverVersion().isEmpty() ? null
                : health.serverVersion());
        map.put("schemaVersions", health.schemaVersions());
        map.put("latencyMillis", health.latency().toNanos() / 1_000_000.0);
        map.put("problem", health.problem());
        return map;
    }

    /**
     * Counts by layer and status: the total, the total of each status (every status, zeros included), and
     * per layer that has nodes its total and its non-zero statuses, layers in hierarchy order.
     */
    static Map<String, Object> summary(List<StatusCount> counts) {
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            byStatus.put(status, 0L);
        }
        Map<Layer, Map<Status, Long>> byLayer = new EnumMap<>(Layer.class);
        long total = 0;
        for (StatusCount count : counts) {
            total += count.count();
            byStatus.merge(count.status(), count.count(), Long::sum);
            byLayer.computeIfAbsent(count.layer(), layer -> new EnumMap<>(Status.class))
                    .merge(count.status(), count.count(), Long::sum);
        }
        List<Map<String, Object>> layers = new ArrayList<>();
        byLayer.forEach((layer, statuses) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("layer", layer.displayName());
            entry.put("total", statuses.values().stream().mapToLong(Long::longValue).sum());
            Map<String, Long> named = new LinkedHashMap<>();
            statuses.forEach((status, count) -> named.put(status.wireName(), count));
            entry.put("statuses", named);
            layers.add(entry);
        });
        Map<String, Long> statuses = new LinkedHashMap<>();
        byStatus.forEach((status, count) -> statuses.put(status.wireName(), count));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("total", total);
        map.put("byStatus", statuses);
        map.put("byLayer", layers);
        return map;
    }

    /** An instant with milliseconds always, {@code 2025-03-01T09:30:00.000Z}, so that every date reads alike. */
    static String instant(Instant instant) {
        return instant == null ? null : MILLIS.format(instant);
    }

    /** Progress as one number type everywhere: own (40.0) and rolled up (33.3) alike. */
    static double progress(int progress) {
        return progress;
    }

    /** Progress to one decimal: 33.3, not 33.333333333333336. */
    static double rounded(double progress) {
        return Math.round(progress * 10) / 10.0;
    }
}
