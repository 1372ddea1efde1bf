package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.internal.SqlText.Token;
import dev.cairn.migrations.schema.CheckConstraint;
import dev.cairn.migrations.schema.Column;
import dev.cairn.migrations.schema.ForeignKey;
import dev.cairn.migrations.schema.Index;
import dev.cairn.migrations.schema.PrimaryKey;
import dev.cairn.migrations.schema.SchemaSnapshot;
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
import java.util.TreeMap;

/**
 * Reads a SQLite schema from {@code sqlite_master} and the table-valued pragmas. What SQLite keeps only in the
 * statement text (checks, collations, generated expressions, index keys and predicates) is read from that text.
 * Thread-safe: no state.
 */
public final class SqliteSchemaReader {

    private SqliteSchemaReader() {
    }

    /**
     * A snapshot of {@code schema} ({@code main}, or an attached database's name), leaving out
     * {@code historyTable} and SQLite's own {@code sqlite_} tables.
     */
    public static SchemaSnapshot read(Connection connection, String schema, String historyTable) throws SQLException {
        SchemaSnapshot.Builder snapshot = SchemaSnapshot.builder(Dialect.SQLITE, schema);
        String excluded = historyTable.toLowerCase(Locale.ROOT);
        String master = quote(schema) + ".sqlite_master";
        try (PreparedStatement statement = connection.prepareStatement("SELECT type, name, tbl_name, sql FROM "
                + master + " WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND lower(tbl_name) <> ? ORDER BY name")) {
            statement.setString(1, excluded);
            try (ResultSet rows = statement.executeQuery()) {
                List<String[]> objects = new ArrayList<>();
                while (rows.next()) {
                    objects.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)});
                }
                for (String[] object : objects) {
                    String type = object[0];
                    String name = object[1];
                    String sql = object[3];
                    switch (type) {
                        case "table" -> snapshot.add(table(connection, schema, name, sql));
                        case "index" -> {
                            if (sql != null) {
                                snapshot.add(index(name, object[2], sql));
                            }
                        }
                        case "view" -> snapshot.add(new View(name, SqlText.normalize(sql), false));
                        case "trigger" -> snapshot.add(new Trigger(name, object[2], SqlText.normalize(sql)));
                        default -> {
                        }
                    }
                }
            }
        }
        return snapshot.build();
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static Table table(Connection connection, String schema, String name, String sql) throws SQLException {
        Definition definition = Definition.of(sql);
        List<Column> columns = new ArrayList<>();
        Map<Integer, String> keyColumns = new TreeMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT name, type, \"notnull\", dflt_value,"
                + " pk, hidden FROM pragma_table_xinfo(?, ?) ORDER BY cid")) {
            statement.setString(1, name);
            statement.setString(2, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String column = rows.getString(1);
                    int hidden = rows.getInt(6);
                    String generated = definition.generated.get(column.toLowerCase(Locale.ROOT));
                    if (generated != null) {
                        generated += hidden == 3 ? " STORED" : " VIRTUAL";
                    }
                    columns.add(new Column(column, rows.getString(2), rows.getInt(3) == 0,
                            SqlText.normalize(rows.getString(4)), generated, null,
                            definition.collations.get(column.toLowerCase(Locale.ROOT))));
                    if (rows.getInt(5) > 0) {
                        keyColumns.put(rows.getInt(5), column);
                    }
                }
            }
        }
        PrimaryKey primaryKey = keyColumns.isEmpty() ? null : new PrimaryKey(null, List.copyOf(keyColumns.values()));
        return new Table(name, columns, primaryKey, uniques(connection, schema, name),
                foreignKeys(connection, schema, name), definition.checks, definition.options);
    }

    private static List<UniqueConstraint> uniques(Connection connection, String schema, String table)
            throws SQLException {
        List<String> indexes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name FROM pragma_index_list(?, ?) WHERE origin = 'u'")) {
            statement.setString(1, table);
            statement.setString(2, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    indexes.add(rows.getString(1));
                }
            }
        }
        List<UniqueConstraint> uniques = new ArrayList<>();
        for (String index : indexes) {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT name FROM pragma_index_info(?, ?) ORDER BY seqno")) {
                statement.setString(1, index);
                statement.setString(2, schema);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        columns.add(rows.getString(1));
                    }
                }
            }
            uniques.add(new UniqueConstraint(null, columns));
        }
        return uniques;
    }

    private static List<ForeignKey> foreignKeys(Connection connection, String schema, String table)
            throws SQLException {
        Map<Integer, List<String[]>> keys = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT id, \"table\", \"from\", \"to\","
                + " on_delete, on_update FROM pragma_foreign_key_list(?, ?) ORDER BY id, seq")) {
            statement.setString(1, table);
            statement.setString(2, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    keys.computeIfAbsent(rows.getInt(1), id -> new ArrayList<>()).add(new String[] {
                        rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6)});
                }
            }
        }
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (List<String[]> parts : keys.values()) {
            String referenced = parts.get(0)[0];
            List<String> from = parts.stream().map(part -> part[1]).toList();
            List<String> to = parts.get(0)[2] == null ? primaryKeyOf(connection, schema, referenced)
                    : parts.stream().map(part -> part[2]).toList();
            foreignKeys.add(new ForeignKey(null, from, referenced, to, parts.get(0)[3], parts.get(0)[4]));
        }
        return foreignKeys;
    }

    /** A foreign key written without columns references the primary key; pragma reports null columns then. */
    private static List<String> primaryKeyOf(Connection connection, String schema, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT name FROM pragma_table_info(?, ?) WHERE pk > 0 ORDER BY pk")) {
            statement.setString(1, table);
            statement.setString(2, schema);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
        }
        return columns;
    }

    private static Index index(String name, String table, String sql) {
        List<Token> tokens = SqlText.tokens(sql);
        boolean unique = tokens.size() > 1 && tokens.get(1).is("UNIQUE");
        int on = 0;
        while (on < tokens.size() && !tokens.get(on).is("ON")) {
            on++;
        }
        int open = on;
        while (open < tokens.size() && !tokens.get(open).isSymbol('(')) {
            open++;
        }
        int close = SqlText.closing(tokens, open);
        if (close < 0) {
            throw new IllegalStateException("Cannot read the keys of SQLite index " + name + ": " + sql);
        }
        List<String> keys = new ArrayList<>();
        for (List<Token> part : SqlText.parts(tokens, open, close)) {
            keys.add(SqlText.normalize(sql.substring(part.get(0).start(), part.get(part.size() - 1).end())));
        }
        String predicate = null;
        if (close + 1 < tokens.size() && tokens.get(close + 1).is("WHERE")) {
            predicate = SqlText.normalize(sql.substring(tokens.get(close + 1).end()));
        }
        return new Index(name, table, keys, unique, predicate, null);
    }

    /** What a CREATE TABLE statement says that the pragmas do not: checks, collations, generated expressions. */
    private static final class Definition {
        final List<CheckConstraint> checks = new ArrayList<>();
        final Map<String, String> collations = new HashMap<>();
        final Map<String, String> generated = new HashMap<>();
        final List<String> options = new ArrayList<>();

        static Definition of(String sql) {
            Definition definition = new Definition();
            List<Token> tokens = SqlText.tokens(sql);
            int open = 0;
            while (open < tokens.size() && !tokens.get(open).isSymbol('(')) {
                open++;
            }
            int close = SqlText.closing(tokens, open);
            if (close < 0) {
                return definition;
            }
            for (List<Token> part : SqlText.parts(tokens, open, close)) {
                definition.read(sql, part);
            }
            // After the closing parenthesis: WITHOUT ROWID and STRICT, in either order, comma-separated.
            StringBuilder option = new StringBuilder();
            for (int i = close + 1; i < tokens.size(); i++) {
                Token token = tokens.get(i);
                if (token.isSymbol(',') || token.isSymbol(';')) {
                    definition.addOption(option);
                } else {
                    option.append(option.length() == 0 ? "" : " ").append(token.text().toUpperCase(Locale.ROOT));
                }
            }
            definition.addOption(option);
            return definition;
        }

        private void addOption(StringBuilder option) {
            if (option.length() > 0) {
                options.add(option.toString());
                option.setLength(0);
            }
        }

        private void read(String sql, List<Token> part) {
            Token first = part.get(0);
            boolean constraint = first.is("CONSTRAINT") || first.is("PRIMARY") || first.is("UNIQUE")
                    || first.is("CHECK") || first.is("FOREIGN");
            String column = constraint ? null : first.identifier().toLowerCase(Locale.ROOT);
            String pendingName = null;
            for (int i = constraint ? 0 : 1; i < part.size(); i++) {
                Token token = part.get(i);
                if (token.is("CONSTRAINT") && i + 1 < part.size()) {
                    pendingName = part.get(++i).identifier();
                } else if (token.is("COLLATE") && i + 1 < part.size() && column != null) {
                    collations.put(column, part.get(++i).identifier());
                } else if ((token.is("CHECK") || token.is("AS")) && i + 1 < part.size()
                        && part.get(i + 1).isSymbol('(')) {
                    int end = SqlText.closing(part, i + 1);
                    String expression = SqlText.between(sql, part.get(i + 1), part.get(end));
                    if (token.is("CHECK")) {
                        checks.add(new CheckConstraint(pendingName, expression));
                        pendingName = null;
                    } else if (column != null) {
                        generated.put(column, expression);
                    }
                    i = end;
                } else if (token.isSymbol('(')) {
                    i = SqlText.closing(part, i);
                }
            }
        }
    }
}
