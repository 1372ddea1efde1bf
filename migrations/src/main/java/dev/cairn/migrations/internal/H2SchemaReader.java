package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.schema.CheckConstraint;
import dev.cairn.migrations.schema.Column;
import dev.cairn.migrations.schema.Domain;
import dev.cairn.migrations.schema.ForeignKey;
import dev.cairn.migrations.schema.Index;
import dev.cairn.migrations.schema.PrimaryKey;
import dev.cairn.migrations.schema.SchemaSnapshot;
import dev.cairn.migrations.schema.Sequence;
import dev.cairn.migrations.schema.Table;
import dev.cairn.migrations.schema.Trigger;
import dev.cairn.migrations.schema.UniqueConstraint;
import dev.cairn.migrations.schema.View;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an H2 2.x schema from its {@code INFORMATION_SCHEMA}, one query per kind of object. H2 prints the
 * definitions it keeps (views, checks, defaults) with every name qualified by its schema; the schema's own
 * qualifier is taken out, so that a schema compares equal to one built alike under another name. Thread-safe:
 * no state.
 */
public final class H2SchemaReader {
    /**
     * The names H2 makes up for an unnamed constraint: {@code CONSTRAINT_} and the hex id of its table, so they
     * change with the order every object was created in. Such a constraint is taken as unnamed, as on SQLite.
     */
    private static final Pattern GENERATED_NAME = Pattern.compile("CONSTRAINT_[0-9A-F]+(_[0-9]+)?");

    private H2SchemaReader() {
    }

    private static String given(String constraintName) {
        return GENERATED_NAME.matcher(constraintName).matches() ? null : constraintName;
    }

    /** A snapshot of {@code schema}, leaving out {@code historyTable} and the lock table the engine keeps beside it. */
    public static SchemaSnapshot read(Connection connection, String schema, String historyTable) throws SQLException {
        return new Reading(connection, schema, historyTable).read();
    }

    private static final class Reading {
        private final Connection connection;
        private final String schema;
        private final String history;
        private final String qualifier;
        private final SchemaSnapshot.Builder snapshot;
        private final Map<String, List<Column>> columns = new LinkedHashMap<>();
        private final Map<String, String> enums = new HashMap<>();
        private final Map<String, List<String>> keyColumns = new HashMap<>();
        private final Map<String, String> constraintTables = new HashMap<>();

        Reading(Connection connection, String schema, String historyTable) {
            this.connection = connection;
            this.schema = schema;
            this.history = historyTable.toUpperCase(Locale.ROOT);
            this.qualifier = "\"" + schema.replace("\"", "\"\"") + "\".";
            this.snapshot = SchemaSnapshot.builder(Dialect.H2, schema);
        }

        @FunctionalInterface
        private interface RowReader {
            void read(ResultSet row) throws SQLException;
        }

        /** Runs {@code sql} whose one parameter is the schema. */
        private void query(String sql, RowReader reader) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, schema);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            }
        }

        private boolean engineTable(String table) {
            String upper = table.toUpperCase(Locale.ROOT);
            return upper.equals(history) || upper.equals(history + "_LOCK");
        }

        private String unqualified(String sql) {
            return sql == null ? null : SqlText.normalize(sql.replace(qualifier, ""));
        }

        SchemaSnapshot read() throws SQLException {
            query("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ?"
                    + " AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME", row -> {
                        if (!engineTable(row.getString(1))) {
                            columns.put(row.getString(1), new ArrayList<>());
                        }
                    });
            query("SELECT OBJECT_NAME, ENUM_IDENTIFIER, VALUE_NAME FROM INFORMATION_SCHEMA.ENUM_VALUES"
                    + " WHERE OBJECT_SCHEMA = ? AND OBJECT_TYPE = 'TABLE' ORDER BY OBJECT_NAME, ENUM_IDENTIFIER,"
                    + " VALUE_ORDINAL", row -> enums.merge(row.getString(1) + "/" + row.getString(2),
                            "'" + row.getString(3).replace("'", "''") + "'", (a, b) -> a + ", " + b));
            readColumns();
            readTables();
            readIndexes();
            query("SELECT TABLE_NAME, VIEW_DEFINITION FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = ?",
                    row -> snapshot.add(new View(row.getString(1), unqualified(row.getString(2)), false)));
            query("SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORIENTATION,"
                    + " JAVA_CLASS FROM INFORMATION_SCHEMA.TRIGGERS WHERE TRIGGER_SCHEMA = ?",
                    row -> snapshot.add(new Trigger(row.getString(1), row.getString(2), "CREATE TRIGGER "
                            + row.getString(1) + " " + row.getString(3) + " " + row.getString(4) + " ON "
                            + row.getString(2) + " FOR EACH " + row.getString(5) + " CALL '" + row.getString(6) + "'")));
            query("SELECT SEQUENCE_NAME, DATA_TYPE, START_VALUE, INCREMENT, MINIMUM_VALUE, MAXIMUM_VALUE, CACHE,"
                    + " CYCLE_OPTION FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_SCHEMA = ?",
                    row -> snapshot.add(new Sequence(row.getString(1), row.getString(2), row.getLong(3),
                            row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7),
                            "YES".equals(row.getString(8)))));
            readDomains();
            return snapshot.build();
        }

        private void readColumns() throws SQLException {
            query("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, DECLARED_NUMERIC_PRECISION,"
                    + " DECLARED_NUMERIC_SCALE, DOMAIN_NAME, IS_NULLABLE, COLUMN_DEFAULT, IS_GENERATED,"
                    + " GENERATION_EXPRESSION, IS_IDENTITY, IDENTITY_GENERATION, COLLATION_NAME, DTD_IDENTIFIER"
                    + " FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION",
                    row -> {
                        List<Column> table = columns.get(row.getString(1));
                        if (table == null) {
                            return;
                        }
                        String type = row.getString(3);
                        if (row.getString(7) != null) {
                            type = row.getString(7);
                        } else if ("ENUM".equals(type)) {
                            type = "ENUM(" + enums.getOrDefault(row.getString(1) + "/" + row.getString(15), "") + ")";
                        } else if (row.getObject(4) != null && (type.contains("CHAR") || type.contains("BINARY"))) {
                            type += "(" + row.getLong(4) + ")";
                        } else if (row.getObject(5) != null) {
                            type += "(" + row.getLong(5) + (row.getObject(6) == null ? "" : ", " + row.getLong(6)) + ")";
                        }
                        boolean generated = "ALWAYS".equals(row.getString(10));
                        String identity = "YES".equals(row.getString(12)) ? row.getString(13) : null;
                        table.add(new Column(row.getString(2), type, "YES".equals(row.getString(8)),
                                unqualified(row.getString(9)), generated ? unqualified(row.getString(11)) : null,
                                identity, row.getString(14)));
                    });
        }

        private void readTables() throws SQLException {
            query("SELECT CONSTRAINT_NAME, TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE"
                    + " WHERE CONSTRAINT_SCHEMA = ? ORDER BY CONSTRAINT_NAME, ORDINAL_POSITION", row -> {
                        keyColumns.computeIfAbsent(row.getString(1), name -> new ArrayList<>()).add(row.getString(3));
                        constraintTables.put(row.getString(1), row.getString(2));
                    });
            Map<String, String[]> references = new HashMap<>();
            query("SELECT CONSTRAINT_NAME, UNIQUE_CONSTRAINT_SCHEMA, UNIQUE_CONSTRAINT_NAME, DELETE_RULE, UPDATE_RULE"
                    + " FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?",
                    row -> references.put(row.getString(1), new String[] {row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5)}));
            Map<String, String> checks = new HashMap<>();
            query("SELECT CONSTRAINT_NAME, CHECK_CLAUSE FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS"
                    + " WHERE CONSTRAINT_SCHEMA = ?", row -> checks.put(row.getString(1), row.getString(2)));
            Map<String, PrimaryKey> primaryKeys = new HashMap<>();
            Map<String, List<UniqueConstraint>> uniques = new HashMap<>();
            Map<String, List<ForeignKey>> foreignKeys = new HashMap<>();
            Map<String, List<CheckConstraint>> tableChecks = new HashMap<>();
            query("SELECT CONSTRAINT_NAME, CONSTRAINT_TYPE, TABLE_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                    + " WHERE CONSTRAINT_SCHEMA = ?", row -> {
                        String id = row.getString(1);
                        String name = given(id);
                        String table = row.getString(3);
                        List<String> keys = keyColumns.getOrDefault(id, List.of());
                        switch (row.getString(2)) {
                            case "PRIMARY KEY" -> primaryKeys.put(table, new PrimaryKey(name, keys));
                            case "UNIQUE" -> uniques.computeIfAbsent(table, t -> new ArrayList<>())
                                    .add(new UniqueConstraint(name, keys));
                            case "FOREIGN KEY" -> {
                                String[] reference = references.get(id);
                                String referenced = constraintTables.get(reference[1]);
                                foreignKeys.computeIfAbsent(table, t -> new ArrayList<>()).add(new ForeignKey(name,
                                        keys, schema.equals(reference[0]) ? referenced : reference[0] + "." + referenced,
                                        keyColumns.getOrDefault(reference[1], List.of()), reference[2], reference[3]));
                            }
                            case "CHECK" -> tableChecks.computeIfAbsent(table, t -> new ArrayList<>())
                                    .add(new CheckConstraint(name, unqualified(checks.get(id))));
                            default -> {
                            }
                        }
                    });
            for (Map.Entry<String, List<Column>> table : columns.entrySet()) {
                String name = table.getKey();
                snapshot.add(new Table(name, table.getValue(), primaryKeys.get(name),
                        uniques.getOrDefault(name, List.of()), foreignKeys.getOrDefault(name, List.of()),
                        tableChecks.getOrDefault(name, List.of())));
            }
        }

        private void readIndexes() throws SQLException {
            Map<String, List<String>> keys = new LinkedHashMap<>();
            query("SELECT INDEX_NAME, COLUMN_NAME, ORDERING_SPECIFICATION, NULL_ORDERING"
                    + " FROM INFORMATION_SCHEMA.INDEX_COLUMNS WHERE INDEX_SCHEMA = ? ORDER BY INDEX_NAME,"
                    + " ORDINAL_POSITION", row -> keys.computeIfAbsent(row.getString(1), name -> new ArrayList<>())
                            .add(row.getString(2) + ("DESC".equals(row.getString(3)) ? " DESC" : "")
                                    + (row.getString(4) == null ? "" : " NULLS " + row.getString(4))));
            query("SELECT INDEX_NAME, TABLE_NAME, INDEX_TYPE_NAME FROM INFORMATION_SCHEMA.INDEXES"
                    + " WHERE INDEX_SCHEMA = ? AND IS_GENERATED = FALSE", row -> {
                        if (!engineTable(row.getString(2))) {
                            String type = row.getString(3);
                            snapshot.add(new Index(row.getString(1), row.getString(2),
                                    keys.getOrDefault(row.getString(1), List.of()), type.contains("UNIQUE"), null,
                                    type.contains("HASH") ? "hash" : null));
                        }
                    });
        }

        private void readDomains() throws SQLException {
            Map<String, List<CheckConstraint>> checks = new HashMap<>();
            query("SELECT d.DOMAIN_NAME, d.CONSTRAINT_NAME, c.CHECK_CLAUSE FROM INFORMATION_SCHEMA.DOMAIN_CONSTRAINTS d"
                    + " JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS c ON c.CONSTRAINT_SCHEMA = d.CONSTRAINT_SCHEMA"
                    + " AND c.CONSTRAINT_NAME = d.CONSTRAINT_NAME WHERE d.DOMAIN_SCHEMA = ?",
                    row -> checks.computeIfAbsent(row.getString(1), name -> new ArrayList<>())
                            .add(new CheckConstraint(given(row.getString(2)), unqualified(row.getString(3)))));
            query("SELECT DOMAIN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, DOMAIN_DEFAULT, COLLATION_NAME"
                    + " FROM INFORMATION_SCHEMA.DOMAINS WHERE DOMAIN_SCHEMA = ?", row -> {
                        String type = row.getString(2) + (row.getObject(3) == null ? "" : "(" + row.getLong(3) + ")");
                        snapshot.add(new Domain(row.getString(1), type, true, unqualified(row.getString(4)),
                                row.getString(5), checks.getOrDefault(row.getString(1), List.of())));
                    });
        }
    }
}
