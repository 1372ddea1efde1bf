package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.schema.CheckConstraint;
import dev.cairn.migrations.schema.Column;
import dev.cairn.migrations.schema.Domain;
import dev.cairn.migrations.schema.EnumType;
import dev.cairn.migrations.schema.ForeignKey;
import dev.cairn.migrations.schema.Index;
import dev.cairn.migrations.schema.PrimaryKey;
import dev.cairn.migrations.schema.Routine;
import dev.cairn.migrations.schema.SchemaSnapshot;
import dev.cairn.migrations.schema.Sequence;
import dev.cairn.migrations.schema.Table;
import dev.cairn.migrations.schema.Trigger;
import dev.cairn.migrations.schema.UniqueConstraint;
import dev.cairn.migrations.schema.View;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a PostgreSQL schema from {@code pg_catalog}, one query per kind of object whatever the number of tables.
 * The catalog's printing functions ({@code pg_get_expr}, {@code pg_get_viewdef}, …) qualify a name unless it is
 * visible on the search path, so the reader puts the schema alone on the path while it reads, and restores the
 * caller's path after: two schemas built by the same migrations then print alike. Thread-safe: no state.
 */
public final class PostgresSchemaReader {
    private static final String IN_SCHEMA = " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = ? ";
    private static final String NOT_EXTENSION_MEMBER = " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
            + " WHERE d.objid = %s AND d.deptype = 'e') ";

    private PostgresSchemaReader() {
    }

    /** A snapshot of {@code schema}, leaving out {@code historyTable} and objects that belong to extensions. */
    public static SchemaSnapshot read(Connection connection, String schema, String historyTable) throws SQLException {
        String searchPath;
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_catalog.current_setting('search_path')");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            searchPath = rows.getString(1);
        }
        setSearchPath(connection, "SELECT pg_catalog.set_config('search_path', pg_catalog.quote_ident(?), false)",
                schema);
        SchemaSnapshot snapshot;
        try {
            snapshot = new Reading(connection, schema, historyTable).read();
        } catch (SQLException | RuntimeException failure) {
            // In a caller's transaction that the failure aborted, the path comes back with the rollback.
            try {
                setSearchPath(connection, "SELECT pg_catalog.set_config('search_path', ?, false)", searchPath);
            } catch (SQLException restoring) {
                failure.addSuppressed(restoring);
            }
            throw failure;
        }
        setSearchPath(connection, "SELECT pg_catalog.set_config('search_path', ?, false)", searchPath);
        return snapshot;
    }

    private static void setSearchPath(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, value);
            statement.executeQuery().close();
        }
    }

    private static String action(String code) {
        return switch (code) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> "NO ACTION";
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
        } finally {
            array.free();
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("Every Java runtime has SHA-256", missing);
        }
    }

    /** One reading: the queries, and the tables' parts collected before the tables are built. */
    private static final class Reading {
        private final Connection connection;
        private final String schema;
        private final String historyTable;
        private final SchemaSnapshot.Builder snapshot;
        private final Map<String, List<Column>> columns = new LinkedHashMap<>();
        private final Map<String, PrimaryKey> primaryKeys = new LinkedHashMap<>();
        private final Map<String, List<UniqueConstraint>> uniques = new LinkedHashMap<>();
        private final Map<String, List<ForeignKey>> foreignKeys = new LinkedHashMap<>();
        private final Map<String, List<CheckConstraint>> checks = new LinkedHashMap<>();
        private final Map<String, List<String>> options = new LinkedHashMap<>();

        Reading(Connection connection, String schema, String historyTable) {
            this.connection = connection;
            this.schema = schema;
            this.historyTable = historyTable.toLowerCase(java.util.Locale.ROOT);
            this.snapshot = SchemaSnapshot.builder(Dialect.POSTGRESQL, schema);
        }

        @FunctionalInterface
        private interface RowReader {
            void read(ResultSet row) throws SQLException;
        }

        /** Runs {@code sql}, whose first parameter is the schema and whose second, if any, the history table. */
        private void query(String sql, RowReader reader) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int count = (int) sql.chars().filter(c -> c == '?').count();
                for (int i = 1; i <= count; i++) {
                    statement.setString(i, i == 1 ? schema : historyTable);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            }
        }

        SchemaSnapshot read() throws SQLException {
            query("SELECT c.relname, c.relpersistence, CASE WHEN c.relkind = 'p' THEN"
                    + " pg_catalog.pg_get_partkeydef(c.oid) END, CASE WHEN c.relispartition THEN"
                    + " (SELECT pg_catalog.quote_ident(p.relname) FROM pg_catalog.pg_inherits i"
                    + " JOIN pg_catalog.pg_class p ON p.oid = i.inhparent WHERE i.inhrelid = c.oid) || ' '"
                    + " || pg_catalog.pg_get_expr(c.relpartbound, c.oid) END FROM pg_catalog.pg_class c" + IN_SCHEMA
                    + "AND c.relkind IN ('r', 'p') AND c.relname <> ? ORDER BY c.relname", row -> {
                        columns.put(row.getString(1), new ArrayList<>());
                        List<String> tableOptions = new ArrayList<>();
                        if ("u".equals(row.getString(2))) {
                            tableOptions.add("UNLOGGED");
                        }
                        if (row.getString(3) != null) {
                            tableOptions.add("PARTITION BY " + SqlText.normalize(row.getString(3)));
                        }
                        if (row.getString(4) != null) {
                            tableOptions.add("PARTITION OF " + SqlText.normalize(row.getString(4)));
                        }
                        options.put(row.getString(1), tableOptions);
                    });
            readColumns();
            readConstraints();
            for (Map.Entry<String, List<Column>> table : columns.entrySet()) {
                String name = table.getKey();
                snapshot.add(new Table(name, table.getValue(), primaryKeys.get(name),
                        uniques.getOrDefault(name, List.of()), foreignKeys.getOrDefault(name, List.of()),
                        checks.getOrDefault(name, List.of()), options.get(name)));
            }
            readIndexes();
            readViewsAndTriggers();
            readSequences();
            readRoutines();
            readTypes();
            return snapshot.build();
        }

        private void readColumns() throws SQLException {
            query("SELECT c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,"
                    + " pg_catalog.pg_get_expr(d.adbin, d.adrelid, true), a.attgenerated, a.attidentity,"
                    + " CASE WHEN a.attcollation <> t.typcollation THEN co.collname END"
                    + " FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
                    + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
                    + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation"
                    + IN_SCHEMA + "AND c.relkind IN ('r', 'p') AND c.relname <> ? AND a.attnum > 0"
                    + " AND NOT a.attisdropped ORDER BY c.relname, a.attnum", row -> {
                        boolean generated = "s".equals(row.getString(6));
                        String identity = switch (String.valueOf(row.getString(7))) {
                            case "a" -> "ALWAYS";
                            case "d" -> "BY DEFAULT";
                            default -> null;
                        };
                        String expression = row.getString(5);
                        columns.get(row.getString(1)).add(new Column(row.getString(2), row.getString(3),
                                !row.getBoolean(4), generated ? null : expression, generated ? expression : null,
                                identity, row.getString(8)));
                    });
        }

        private void readConstraints() throws SQLException {
            String keyColumns = "ARRAY(SELECT a.attname::text FROM pg_catalog.unnest(%1$s) WITH ORDINALITY u(num, pos)"
                    + " JOIN pg_catalog.pg_attribute a ON a.attrelid = %2$s AND a.attnum = u.num ORDER BY u.pos)";
            query("SELECT c.relname, k.conname, k.contype, " + String.format(keyColumns, "k.conkey", "k.conrelid")
                    + ", CASE WHEN rn.nspname = n.nspname THEN r.relname ELSE rn.nspname || '.' || r.relname END, "
                    + String.format(keyColumns, "k.confkey", "k.confrelid")
                    + ", k.confdeltype, k.confupdtype, pg_catalog.pg_get_constraintdef(k.oid, true)"
                    + " FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c ON c.oid = k.conrelid"
                    + " LEFT JOIN pg_catalog.pg_class r ON r.oid = k.confrelid"
                    + " LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace"
                    + IN_SCHEMA + "AND c.relname <> ? AND k.contype IN ('p', 'u', 'f', 'c')", row -> {
                        String table = row.getString(1);
                        String name = row.getString(2);
                        List<String> keys = strings(row.getArray(4));
                        switch (row.getString(3)) {
                            case "p" -> primaryKeys.put(table, new PrimaryKey(name, keys));
                            case "u" -> uniques.computeIfAbsent(table, t -> new ArrayList<>())
                                    .add(new UniqueConstraint(name, keys));
                            case "f" -> foreignKeys.computeIfAbsent(table, t -> new ArrayList<>())
                                    .add(new ForeignKey(name, keys, row.getString(5), strings(row.getArray(6)),
                                            action(row.getString(7)), action(row.getString(8))));
                            default -> checks.computeIfAbsent(table, t -> new ArrayList<>())
                                    .add(new CheckConstraint(name, checkExpression(row.getString(9))));
                        }
                    });
        }

        private static String checkExpression(String definition) {
            String text = SqlText.normalize(definition);
            return text.startsWith("CHECK ") ? text.substring("CHECK ".length()) : text;
        }

        private void readIndexes() throws SQLException {
            query("SELECT i.relname, c.relname, x.indisunique, pg_catalog.pg_get_expr(x.indpred, x.indrelid, true),"
                    + " am.amname, ARRAY(SELECT pg_catalog.pg_get_indexdef(x.indexrelid, k, true)"
                    + " FROM pg_catalog.generate_series(1, x.indnkeyatts) k ORDER BY k), x.indoption::text"
                    + " FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid"
                    + " JOIN pg_catalog.pg_class c ON c.oid = x.indrelid JOIN pg_catalog.pg_am am ON am.oid = i.relam"
                    + IN_SCHEMA + "AND c.relname <> ? AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k"
                    + " WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid AND k.contype IN ('p', 'u', 'x'))",
                    row -> {
                        List<String> keys = new ArrayList<>(strings(row.getArray(6)));
                        String[] options = row.getString(7).trim().split(" ");
                        for (int i = 0; i < keys.size() && i < options.length; i++) {
                            int option = Integer.parseInt(options[i]);
                            boolean descending = (option & 1) != 0;
                            boolean nullsFirst = (option & 2) != 0;
                            String order = descending ? (nullsFirst ? " DESC" : " DESC NULLS LAST")
                                    : (nullsFirst ? " NULLS FIRST" : "");
                            keys.set(i, SqlText.normalize(keys.get(i)) + order);
                        }
                        snapshot.add(new Index(row.getString(1), row.getString(2), keys, row.getBoolean(3),
                                SqlText.normalize(row.getString(4)), row.getString(5)));
                    });
        }

        private void readViewsAndTriggers() throws SQLException {
            query("SELECT c.relname, c.relkind, pg_catalog.pg_get_viewdef(c.oid, true) FROM pg_catalog.pg_class c"
                    + IN_SCHEMA + "AND c.relkind IN ('v', 'm')" + NOT_EXTENSION_MEMBER.formatted("c.oid"),
                    row -> snapshot.add(new View(row.getString(1), SqlText.normalize(row.getString(3)),
                            "m".equals(row.getString(2)))));
            query("SELECT t.tgname, c.relname, pg_catalog.pg_get_triggerdef(t.oid, true)"
                    + " FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
                    + IN_SCHEMA + "AND c.relname <> ? AND NOT t.tgisinternal",
                    row -> snapshot.add(new Trigger(row.getString(1), row.getString(2),
                            SqlText.normalize(row.getString(3)))));
        }

        private void readSequences() throws SQLException {
            // An identity column's sequence is part of the column (deptype 'i'); a serial's is a sequence of its own.
            query("SELECT c.relname, pg_catalog.format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,"
                    + " s.seqmin, s.seqmax, s.seqcache, s.seqcycle FROM pg_catalog.pg_sequence s"
                    + " JOIN pg_catalog.pg_class c ON c.oid = s.seqrelid" + IN_SCHEMA
                    + "AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.objid = c.oid"
                    + " AND d.deptype IN ('i', 'e'))",
                    row -> snapshot.add(new Sequence(row.getString(1), row.getString(2), row.getLong(3),
                            row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7), row.getBoolean(8))));
        }

        private void readRoutines() throws SQLException {
            query("SELECT p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid), p.prokind,"
                    + " pg_catalog.pg_get_function_result(p.oid), l.lanname, p.prosrc, p.provolatile, p.proisstrict,"
                    + " p.prosecdef, p.proparallel, p.proconfig FROM pg_catalog.pg_proc p"
                    + " JOIN pg_catalog.pg_language l ON l.oid = p.prolang"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ?"
                    + NOT_EXTENSION_MEMBER.formatted("p.oid"), row -> {
                        String kind = switch (row.getString(3)) {
                            case "p" -> "PROCEDURE";
                            case "a" -> "AGGREGATE";
                            case "w" -> "WINDOW";
                            default -> "FUNCTION";
                        };
                        String body = row.getString(6);
                        List<String> attributes = new ArrayList<>();
                        attributes.add(switch (row.getString(7)) {
                            case "i" -> "IMMUTABLE";
                            case "s" -> "STABLE";
                            default -> "VOLATILE";
                        });
                        if (row.getBoolean(8)) {
                            attributes.add("STRICT");
                        }
                        if (row.getBoolean(9)) {
                            attributes.add("SECURITY DEFINER");
                        }
                        attributes.add(switch (row.getString(10)) {
                            case "s" -> "PARALLEL SAFE";
                            case "r" -> "PARALLEL RESTRICTED";
                            default -> "PARALLEL UNSAFE";
                        });
                        for (String setting : strings(row.getArray(11))) {
                            attributes.add("SET " + setting);
                        }
                        snapshot.add(new Routine(row.getString(1) + "(" + row.getString(2) + ")", kind,
                                row.getString(4), row.getString(5), sha256(body == null ? "" : SqlText.normalize(body)),
                                attributes));
                    });
        }

        private void readTypes() throws SQLException {
            query("SELECT t.typname, ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e"
                    + " WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) FROM pg_catalog.pg_type t"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ?"
                    + " AND t.typtype = 'e'" + NOT_EXTENSION_MEMBER.formatted("t.oid"),
                    row -> snapshot.add(new EnumType(row.getString(1), strings(row.getArray(2)))));
            Map<String, List<CheckConstraint>> domainChecks = new LinkedHashMap<>();
            query("SELECT t.typname, k.conname, pg_catalog.pg_get_constraintdef(k.oid, true)"
                    + " FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_type t ON t.oid = k.contypid"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ?"
                    + " AND k.contype = 'c'", row -> domainChecks.computeIfAbsent(row.getString(1),
                            name -> new ArrayList<>()).add(new CheckConstraint(row.getString(2),
                            checkExpression(row.getString(3)))));
            query("SELECT t.typname, pg_catalog.format_type(t.typbasetype, t.typtypmod), t.typnotnull, t.typdefault,"
                    + " CASE WHEN t.typcollation <> b.typcollation THEN co.collname END FROM pg_catalog.pg_type t"
                    + " JOIN pg_catalog.pg_type b ON b.oid = t.typbasetype"
                    + " LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ?"
                    + " AND t.typtype = 'd'" + NOT_EXTENSION_MEMBER.formatted("t.oid"),
                    row -> snapshot.add(new Domain(row.getString(1), row.getString(2), !row.getBoolean(3),
                            SqlText.normalize(row.getString(4)), row.getString(5),
                            domainChecks.getOrDefault(row.getString(1), List.of()))));
        }
    }
}
