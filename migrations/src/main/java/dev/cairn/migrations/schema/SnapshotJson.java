package dev.cairn.migrations.schema;

import dev.cairn.migrations.Dialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Maps a {@link SchemaSnapshot} to its JSON and back; a null property is left out of the JSON. */
final class SnapshotJson {
    static final String FORMAT = "cairn-schema-snapshot/1";

    private SnapshotJson() {
    }

    static String write(SchemaSnapshot snapshot) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("dialect", snapshot.dialect().name());
        root.put("schema", snapshot.schema());
        root.putAll(kinds(snapshot));
        return Json.write(root);
    }

    /** Each kind of object ({@code tables}, {@code indexes}, …), each object by its key, as a JSON tree. */
    static Map<String, Map<String, Object>> kinds(SchemaSnapshot snapshot) {
        Map<String, Map<String, Object>> kinds = new LinkedHashMap<>();
        kinds.put("tables", objects(snapshot.tables(), SnapshotJson::table));
        kinds.put("indexes", objects(snapshot.indexes(), index -> fields(
                "name", index.name(), "table", index.table(), "keys", index.keys(), "unique", index.unique(),
                "predicate", index.predicate(), "method", index.method())));
        kinds.put("views", objects(snapshot.views(), view -> fields(
                "name", view.name(), "definition", view.definition(), "materialized", view.materialized())));
        kinds.put("triggers", objects(snapshot.triggers(), trigger -> fields(
                "name", trigger.name(), "table", trigger.table(), "definition", trigger.definition())));
        kinds.put("sequences", objects(snapshot.sequences(), sequence -> fields(
                "name", sequence.name(), "dataType", sequence.dataType(), "start", sequence.start(),
                "increment", sequence.increment(), "minimum", sequence.minimum(), "maximum", sequence.maximum(),
                "cache", sequence.cache(), "cycle", sequence.cycle())));
        kinds.put("routines", objects(snapshot.routines(), routine -> fields(
                "signature", routine.signature(), "kind", routine.kind(), "result", routine.result(),
                "language", routine.language(), "bodySha256", routine.bodySha256(),
                "attributes", routine.attributes())));
        kinds.put("enums", objects(snapshot.enums(), type -> fields("name", type.name(), "labels", type.labels())));
        kinds.put("domains", objects(snapshot.domains(), domain -> fields(
                "name", domain.name(), "baseType", domain.baseType(), "nullable", domain.nullable(),
                "default", domain.defaultValue(), "collation", domain.collation(),
                "checks", domain.checks().stream().map(SnapshotJson::check).toList())));
        return kinds;
    }

    private static <T> Map<String, Object> objects(Map<String, T> items, Function<T, Map<String, Object>> mapping) {
        Map<String, Object> out = new LinkedHashMap<>();
        items.forEach((key, item) -> out.put(key, mapping.apply(item)));
        return out;
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                out.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return out;
    }

    private static Map<String, Object> table(Table table) {
        return fields("name", table.name(),
                "columns", table.columns().stream().map(column -> fields(
                        "name", column.name(), "type", column.type(), "nullable", column.nullable(),
                        "default", column.defaultValue(), "generated", column.generated(),
                        "identity", column.identity(), "collation", column.collation())).toList(),
                "primaryKey", table.primaryKey() == null ? null
                        : fields("name", table.primaryKey().name(), "columns", table.primaryKey().columns()),
                "uniqueConstraints", table.uniqueConstraints().stream()
                        .map(unique -> fields("name", unique.name(), "columns", unique.columns())).toList(),
                "foreignKeys", table.foreignKeys().stream().map(key -> fields(
                        "name", key.name(), "columns", key.columns(), "referencedTable", key.referencedTable(),
                        "referencedColumns", key.referencedColumns(), "onDelete", key.onDelete(),
                        "onUpdate", key.onUpdate())).toList(),
                "checks", table.checks().stream().map(SnapshotJson::check).toList(),
                "options", table.options().isEmpty() ? null : table.options());
    }

    private static Map<String, Object> check(CheckConstraint check) {
        return fields("name", check.name(), "expression", check.expression());
    }

    static SchemaSnapshot read(String json) {
        Fields root = new Fields(Json.read(json), "");
        String format = root.string("format");
        if (!FORMAT.equals(format)) {
            throw new SnapshotFormatException("Snapshot field 'format' is '" + format + "'; expected '" + FORMAT
                    + "'.");
        }
        Dialect dialect;
        try {
            dialect = Dialect.valueOf(root.string("dialect"));
        } catch (IllegalArgumentException unknown) {
            throw new SnapshotFormatException("Snapshot field 'dialect' is '" + root.string("dialect")
                    + "'; expected one of " + java.util.Arrays.toString(Dialect.values()) + ".");
        }
        SchemaSnapshot.Builder builder = SchemaSnapshot.builder(dialect, root.string("schema"));
        root.each("tables", (key, table) -> builder.add(keyed(key, table, readTable(table), Table::name)));
        root.each("indexes", (key, index) -> builder.add(keyed(key, index, new Index(index.string("name"),
                index.string("table"), index.strings("keys"), index.bool("unique"), index.optional("predicate"),
                index.optional("method")), Index::name)));
        root.each("views", (key, view) -> builder.add(keyed(key, view, new View(view.string("name"),
                view.string("definition"), view.bool("materialized")), View::name)));
        root.each("triggers", (key, trigger) -> builder.add(keyed(key, trigger, new Trigger(trigger.string("name"),
                trigger.string("table"), trigger.string("definition")), Trigger::key)));
        root.each("sequences", (key, sequence) -> builder.add(keyed(key, sequence, new Sequence(
                sequence.string("name"), sequence.string("dataType"), sequence.number("start"),
                sequence.number("increment"), sequence.number("minimum"), sequence.number("maximum"),
                sequence.number("cache"), sequence.bool("cycle")), Sequence::name)));
        root.each("routines", (key, routine) -> builder.add(keyed(key, routine, new Routine(
                routine.string("signature"), routine.string("kind"), routine.optional("result"),
                routine.string("language"), routine.string("bodySha256"), routine.optionalStrings("attributes")),
                Routine::signature)));
        root.each("enums", (key, type) -> builder.add(keyed(key, type, new EnumType(type.string("name"),
                type.strings("labels")), EnumType::name)));
        root.each("domains", (key, domain) -> builder.add(keyed(key, domain, new Domain(domain.string("name"),
                domain.string("baseType"), domain.bool("nullable"), domain.optional("default"),
                domain.optional("collation"), domain.list("checks", SnapshotJson::readCheck)), Domain::name)));
        return builder.build();
    }

    /** A key that is not the object's own key would be silently renamed on the next write: refuse it. */
    private static <T> T keyed(String key, Fields object, T item, Function<T, String> itemKey) {
        if (!key.equals(itemKey.apply(item))) {
            throw new SnapshotFormatException("Snapshot field '" + object.path + "' holds an object keyed '"
                    + itemKey.apply(item) + "'; the key and the object must agree.");
        }
        return item;
    }

    private static Table readTable(Fields table) {
        Fields primaryKey = table.optionalObject("primaryKey");
        return new Table(table.string("name"),
                table.list("columns", column -> new Column(column.string("name"), column.string("type"),
                        column.bool("nullable"), column.optional("default"), column.optional("generated"),
                        column.optional("identity"), column.optional("collation"))),
                primaryKey == null ? null : new PrimaryKey(primaryKey.optional("name"), primaryKey.strings("columns")),
                table.list("uniqueConstraints",
                        unique -> new UniqueConstraint(unique.optional("name"), unique.strings("columns"))),
                table.list("foreignKeys", key -> new ForeignKey(key.optional("name"), key.strings("columns"),
                        key.string("referencedTable"), key.strings("referencedColumns"), key.string("onDelete"),
                        key.string("onUpdate"))),
                table.list("checks", SnapshotJson::readCheck),
                table.optionalStrings("options"));
    }

    private static CheckConstraint readCheck(Fields check) {
        return new CheckConstraint(check.optional("name"), check.string("expression"));
    }

    /** One JSON object and where it sits, so that every complaint names the field. */
    private static final class Fields {
        private final Map<?, ?> map;
        private final String path;

        Fields(Object value, String path) {
            if (!(value instanceof Map<?, ?> object)) {
                throw new SnapshotFormatException("Snapshot field '" + (path.isEmpty() ? "(root)" : path)
                        + "' must be an object.");
            }
            this.map = object;
            this.path = path;
        }

        private String at(String key) {
            return path.isEmpty() ? key : path + "." + key;
        }

        private Object required(String key) {
            Object value = map.get(key);
            if (value == null) {
                throw new SnapshotFormatException("Snapshot field '" + at(key) + "' is missing.");
            }
            return value;
        }

        private static <T> T as(Object value, Class<T> type, String where, String kind) {
            if (!type.isInstance(value)) {
                throw new SnapshotFormatException("Snapshot field '" + where + "' must be " + kind + ".");
            }
            return type.cast(value);
        }

        String string(String key) {
            return as(required(key), String.class, at(key), "a string");
        }

        String optional(String key) {
            Object value = map.get(key);
            return value == null ? null : as(value, String.class, at(key), "a string");
        }

        boolean bool(String key) {
            return as(required(key), Boolean.class, at(key), "true or false");
        }

        long number(String key) {
            return as(required(key), Long.class, at(key), "a whole number");
        }

        Fields optionalObject(String key) {
            Object value = map.get(key);
            return value == null ? null : new Fields(value, at(key));
        }

        List<String> strings(String key) {
            List<?> items = as(required(key), List.class, at(key), "an array");
            List<String> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                out.add(as(items.get(i), String.class, at(key) + "[" + i + "]", "a string"));
            }
            return out;
        }

        List<String> optionalStrings(String key) {
            return map.get(key) == null ? List.of() : strings(key);
        }

        <T> List<T> list(String key, Function<Fields, T> mapping) {
            Object value = map.get(key);
            if (value == null) {
                return List.of();
            }
            List<?> items = as(value, List.class, at(key), "an array");
            List<T> out = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                out.add(mapping.apply(new Fields(items.get(i), at(key) + "[" + i + "]")));
            }
            return out;
        }

        /** Each member of the object under {@code key}; an absent one holds none (older snapshots lack newer kinds). */
        void each(String key, MemberConsumer consumer) {
            Object value = map.get(key);
            if (value == null) {
                return;
            }
            Map<?, ?> members = as(value, Map.class, at(key), "an object");
            members.forEach((name, member) -> consumer.accept((String) name,
                    new Fields(member, at(key) + "." + name)));
        }
    }

    @FunctionalInterface
    private interface MemberConsumer {
        void accept(String key, Fields value);
    }
}
