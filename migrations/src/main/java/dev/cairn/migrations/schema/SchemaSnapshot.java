package dev.cairn.migrations.schema;

import dev.cairn.migrations.Dialect;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What one schema of a live database holds, normalised: no object ids, no creation order, no cosmetic
 * whitespace, every map sorted by name, and the engine's own history table left out. Two databases built by the
 * same migrations give snapshots whose {@link #sameSchemaAs} is true; {@link #equals} also compares the schema's
 * name. Immutable and thread-safe.
 *
 * @param dialect   the database it was taken from
 * @param schema    the schema's name ({@code main} on SQLite)
 * @param tables    tables by name
 * @param indexes   indexes that back no constraint, by name
 * @param views     views and materialized views by name
 * @param triggers  triggers by {@link Trigger#key()} ({@code table.trigger})
 * @param sequences sequences by name
 * @param routines  functions and procedures by {@link Routine#signature()}
 * @param enums     enum types by name
 * @param domains   domains by name
 */
public record SchemaSnapshot(Dialect dialect, String schema, SortedMap<String, Table> tables,
                             SortedMap<String, Index> indexes, SortedMap<String, View> views,
                             SortedMap<String, Trigger> triggers, SortedMap<String, Sequence> sequences,
                             SortedMap<String, Routine> routines, SortedMap<String, EnumType> enums,
                             SortedMap<String, Domain> domains) {
    /**
     * Checks that the dialect and schema are present and copies the maps.
     *
     * @param dialect   the database it was taken from
     * @param schema    the schema's name ({@code main} on SQLite)
     * @param tables    tables by name
     * @param indexes   indexes that back no constraint, by name
     * @param views     views and materialized views by name
     * @param triggers  triggers by {@link Trigger#key()} ({@code table.trigger})
     * @param sequences sequences by name
     * @param routines  functions and procedures by {@link Routine#signature()}
     * @param enums     enum types by name
     * @param domains   domains by name
     */
    public SchemaSnapshot {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(schema, "schema");
        tables = frozen(tables);
        indexes = frozen(indexes);
        views = frozen(views);
        triggers = frozen(triggers);
        sequences = frozen(sequences);
        routines = frozen(routines);
        enums = frozen(enums);
        domains = frozen(domains);
    }

    private static <T> SortedMap<String, T> frozen(SortedMap<String, T> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(map, "map")));
    }

    /**
     * Whether both hold the same objects on the same dialect, whatever their schemas are called.
     *
     * @param other the snapshot to compare with
     * @return true when only the schemas' names may differ
     */
    public boolean sameSchemaAs(SchemaSnapshot other) {
        return dialect == other.dialect && tables.equals(other.tables) && indexes.equals(other.indexes)
                && views.equals(other.views) && triggers.equals(other.triggers)
                && sequences.equals(other.sequences) && routines.equals(other.routines)
                && enums.equals(other.enums) && domains.equals(other.domains);
    }

    /**
     * This snapshot as JSON.
     *
     * @return the JSON text: stable key order, two-space indentation, a final newline
     */
    public String toJson() {
        return SnapshotJson.write(this);
    }

    /**
     * A snapshot from the JSON {@link #toJson()} writes.
     *
     * @param json the JSON text
     * @return the snapshot it describes
     * @throws SnapshotFormatException when the text is no such JSON; the message names the line and the field
     */
    public static SchemaSnapshot fromJson(String json) {
        return SnapshotJson.read(json);
    }

    /**
     * Starts a snapshot, for readers of a database and for tests.
     *
     * @param dialect the database it is taken from
     * @param schema  the schema's name
     * @return an empty builder
     */
    public static Builder builder(Dialect dialect, String schema) {
        return new Builder(dialect, schema);
    }

    /** Collects the objects of a snapshot. Not thread-safe. */
    public static final class Builder {
        private final Dialect dialect;
        private final String schema;
        private final SortedMap<String, Table> tables = new TreeMap<>();
        private final SortedMap<String, Index> indexes = new TreeMap<>();
        private final SortedMap<String, View> views = new TreeMap<>();
        private final SortedMap<String, Trigger> triggers = new TreeMap<>();
        private final SortedMap<String, Sequence> sequences = new TreeMap<>();
        private final SortedMap<String, Routine> routines = new TreeMap<>();
        private final SortedMap<String, EnumType> enums = new TreeMap<>();
        private final SortedMap<String, Domain> domains = new TreeMap<>();

        private Builder(Dialect dialect, String schema) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            this.schema = Objects.requireNonNull(schema, "schema");
        }

        private static <T> void put(SortedMap<String, T> map, String kind, T item, Function<T, String> key) {
            T earlier = map.putIfAbsent(key.apply(item), item);
            if (earlier != null) {
                throw new IllegalArgumentException("Two " + kind + "s named '" + key.apply(item) + "'");
            }
        }

        /**
         * Adds a table.
         *
         * @param table the table
         * @return this builder
         * @throws IllegalArgumentException when one of the same key was added before
         */
        public Builder add(Table table) {
            put(tables, "table", table, Table::name);
            return this;
        }

        /**
         * Adds a index.
         *
         * @param index the index
         * @return this builder
         * @throws IllegalArgumentException when one of the same key was added before
         */
        public Builder add(Index index) {
            put(indexes, "index", index, Index::name);
            return this;
        }

        /**
         * Adds a view.
         *
         * @param view the view
         * @return this builder
         * @throws IllegalArgumentException when one of the same key was added before
         */
        public Builder add(View view) {
            put(views, "view", view, View::name);
            return this;
        }

        /**
         * Adds a trigger.
         *
         * @param trigger the trigger
         * @return this builder
         * @throws IllegalArgumentException when one of the same key was added before
         */
        public Builder add(Trigger trigger) {
            put(triggers, "trigger", trigger, Trigger::key);
            return this;
        }

        /**
         * Adds a sequence.
         *
         * @param sequence the sequence
         * @return this builder
         * @throws IllegalArgumentException when one of the same key was added before
         */
        public Builder add(Sequence sequence) {
            put(sequences, "sequence", sequence, Sequence::name);
            return this;
        }

        /**
         * Adds a routine.
         *
         * @param routine the routine
         * @return this builder
         * @throws IllegalArgumentException when one of the same key was added before
         */
        public Builder add(Routine routine) {
            put(routines, "routine", routine, Routine::signature);
            return this;
        }

        /**
         * Adds a enum type.
         *
         * @param type the enum type
         * @return this builder
         * @throws IllegalArgumentException when one of the same key was added before
         */
        public Builder add(EnumType type) {
            put(enums, "enum", type, EnumType::name);
            return this;
        }

        /**
         * Adds a domain.
         *
         * @param domain the domain
         * @return this builder
         * @throws IllegalArgumentException when one of the same key was added before
         */
        public Builder add(Domain domain) {
            put(domains, "domain", domain, Domain::name);
            return this;
        }

        /**
         * The snapshot of what was added.
         *
         * @return the snapshot
         */
        public SchemaSnapshot build() {
            return new SchemaSnapshot(dialect, schema, tables, indexes, views, triggers, sequences, routines, enums,
                    domains);
        }
    }
}
