package dev.cairn.migrations.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The differences between two snapshots: each object added, removed or changed, and for a change each property
 * that went from one value to another. The schemas' names are not compared, so a scratch schema can be diffed
 * against a live one. Immutable and thread-safe.
 *
 * @param changes the changed objects, sorted by kind, then by key
 */
public record SchemaDiff(List<ObjectChange> changes) {
    /**
     * Copies the changes.
     *
     * @param changes the changed objects, sorted by kind, then by key
     */
    public SchemaDiff {
        changes = List.copyOf(changes);
    }

    /** What became of one object. Immutable and thread-safe. */
    public enum Kind {
        /** Only in the second snapshot. */
        ADDED,
        /** Only in the first snapshot. */
        REMOVED,
        /** In both, with some property different. */
        CHANGED
    }

    /**
     * One object that differs. Immutable and thread-safe.
     *
     * @param kind       the kind of object as the snapshot's JSON names it: {@code tables}, {@code indexes}, …
     * @param key        its key in the snapshot
     * @param change     whether it was added, removed or changed
     * @param properties for a change, each property that differs; empty otherwise
     */
    public record ObjectChange(String kind, String key, Kind change, List<PropertyChange> properties) {
        /**
         * Copies the properties.
         *
         * @param kind       the kind of object as the snapshot's JSON names it: {@code tables}, {@code indexes}, …
         * @param key        its key in the snapshot
         * @param change     whether it was added, removed or changed
         * @param properties for a change, each property that differs; empty otherwise
         */
        public ObjectChange {
            properties = List.copyOf(properties);
        }
    }

    /**
     * One property that differs (immutable and thread-safe), named by its path in the object: {@code columns.email.type},
     * {@code foreignKeys.orders_customer_fk.onDelete}, or {@code columns} for the columns' names and order.
     *
     * @param property the property's path
     * @param from     its value in the first snapshot, or null where it had none
     * @param to       its value in the second, or null where it has none
     */
    public record PropertyChange(String property, String from, String to) {
    }

    /**
     * What turns {@code from} into {@code to}.
     *
     * @param from the snapshot before
     * @param to   the snapshot after
     * @return the differences; empty when both hold the same objects
     * @throws IllegalArgumentException when the snapshots come from different dialects
     */
    public static SchemaDiff between(SchemaSnapshot from, SchemaSnapshot to) {
        if (from.dialect() != to.dialect()) {
            throw new IllegalArgumentException("Cannot diff a " + from.dialect() + " snapshot against a "
                    + to.dialect() + " one: their types and definitions are not comparable.");
        }
        Map<String, Map<String, Object>> before = SnapshotJson.kinds(from);
        Map<String, Map<String, Object>> after = SnapshotJson.kinds(to);
        List<ObjectChange> changes = new ArrayList<>();
        for (String kind : before.keySet()) {
            Map<String, Object> old = before.get(kind);
            Map<String, Object> now = after.get(kind);
            TreeSet<String> keys = new TreeSet<>(old.keySet());
            keys.addAll(now.keySet());
            for (String key : keys) {
                if (!now.containsKey(key)) {
                    changes.add(new ObjectChange(kind, key, Kind.REMOVED, List.of()));
                } else if (!old.containsKey(key)) {
                    changes.add(new ObjectChange(kind, key, Kind.ADDED, List.of()));
                } else if (!old.get(key).equals(now.get(key))) {
                    changes.add(new ObjectChange(kind, key, Kind.CHANGED, properties(old.get(key), now.get(key))));
                }
            }
        }
        return new SchemaDiff(changes);
    }

    /**
     * Whether the two snapshots hold the same objects.
     *
     * @return true when there is no change
     */
    public boolean isEmpty() {
        return changes.isEmpty();
    }

    private static List<PropertyChange> properties(Object old, Object now) {
        Map<String, String> before = new TreeMap<>();
        Map<String, String> after = new TreeMap<>();
        flatten("", old, before);
        flatten("", now, after);
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<PropertyChange> properties = new ArrayList<>();
        for (String path : paths) {
            if (!Objects.equals(before.get(path), after.get(path))) {
                properties.add(new PropertyChange(path, before.get(path), after.get(path)));
            }
        }
        return properties;
    }

    /**
     * Flattens a JSON tree to paths. Members of a list of objects are named by their {@code name} (or, unnamed, by
     * their columns or expression) rather than their place, so that one column added does not seem to change every
     * column after it; the list's names in order become a property of their own.
     */
    private static void flatten(String path, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, member) -> flatten(join(path, (String) key), member, out));
        } else if (value instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
            List<String> names = new ArrayList<>();
            for (Object item : list) {
                Map<String, Object> member = new LinkedHashMap<>();
                ((Map<?, ?>) item).forEach((key, field) -> member.put((String) key, field));
                Object name = member.remove("name");
                String id = name != null ? name.toString() : String.valueOf(member.containsKey("columns")
                        ? member.get("columns") : member.get("expression"));
                names.add(id);
                flatten(join(path, id), member, out);
            }
            out.put(path, names.toString());
        } else if (value instanceof List<?> list) {
            out.put(path, list.toString());
        } else if (value != null) {
            out.put(path, value.toString());
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The diff as lines for people: {@code ~ tables.orders: columns.status.default 'new' -> 'paid'}. */
    @Override
    public String toString() {
        if (changes.isEmpty()) {
            return "No differences.";
        }
        StringBuilder out = new StringBuilder();
        for (ObjectChange change : changes) {
            String sign = switch (change.change()) {
                case ADDED -> "+";
                case REMOVED -> "-";
                case CHANGED -> "~";
            };
            out.append(sign).append(' ').append(change.kind()).append('.').append(change.key()).append('\n');
            for (PropertyChange property : change.properties()) {
                out.append("    ").append(property.property()).append(": ").append(property.from()).append(" -> ")
                        .append(property.to()).append('\n');
            }
        }
        return out.toString();
    }
}
