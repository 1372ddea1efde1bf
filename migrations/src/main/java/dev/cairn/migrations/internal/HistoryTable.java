package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.MigrationVersion;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads and writes the history table of one dialect. Immutable and thread-safe. */
public final class HistoryTable {
    private static final String COLUMNS = "installed_rank, module, version, description, type, script, checksum,"
            + " checksum_algorithm, installed_by, installed_on, execution_time_ms, success";

    private final Dialect dialect;
    private final String table;
    private final String schema;
    private final String reference;

    /** A history table in the connection's current schema, for dry runs that print SQL. */
    public HistoryTable(Dialect dialect, String table) {
        this(dialect, table, null);
    }

    /**
     * A history table in {@code schema}, named with it in every statement, so that what a migration does to the
     * session (a {@code search_path} set to empty by every plain {@code pg_dump}) cannot redirect the engine.
     *
     * @param schema the schema, or null (SQLite, or a dry run) to use the current one
     */
    public HistoryTable(Dialect dialect, String table, String schema) {
        this.dialect = dialect;
        this.table = checkName(table);
        this.schema = dialect == Dialect.SQLITE || schema == null || schema.isEmpty() ? null : schema;
        this.reference = this.schema == null ? this.table : quote(this.schema) + "." + this.table;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The name, if it is a plain identifier; quoting is avoided so it reads the same on every database. */
    public static String checkName(String table) {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]{0,50}")) {
            throw new MigrationConfigurationException("historyTable '" + table
                    + "' must be a plain identifier (letters, digits, underscores; at most 51 characters).");
        }
        return table;
    }

    public String name() {
        return table;
    }

    /** The table as the engine's statements name it, with its schema where it has one. */
    public String qualifiedName() {
        return reference;
    }

    public boolean exists(Connection connection) throws SQLException {
        String sql = switch (dialect) {
            case SQLITE -> "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?";
            // to_regclass, not information_schema, whose views cost a new session milliseconds to plan.
            case POSTGRESQL -> "SELECT 1 WHERE pg_catalog.to_regclass(pg_catalog.quote_ident(coalesce(?,"
                    + " pg_catalog.current_schema())) || '.' || pg_catalog.quote_ident(lower(?))) IS NOT NULL";
            case H2 -> "SELECT 1 FROM information_schema.tables WHERE table_schema = coalesce(?, SCHEMA())"
                    + " AND table_name = upper(?)";
        };
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (dialect == Dialect.SQLITE) {
                statement.setString(1, table);
            } else {
                statement.setString(1, schema);
                statement.setString(2, table);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    public List<String> createStatements() {
        boolean sqlite = dialect == Dialect.SQLITE;
        String text = sqlite ? "TEXT" : "VARCHAR(1000)";
        String shortText = sqlite ? "TEXT" : "VARCHAR(200)";
        // PostgreSQL puts an index in its table's schema and takes no schema before its name; H2 wants one.
        String index = (dialect == Dialect.H2 && schema != null ? quote(schema) + "." : "") + table + "_module_version";
        return List.of("CREATE TABLE IF NOT EXISTS " + reference + " ("
                + "installed_rank INTEGER NOT NULL PRIMARY KEY, "
                + "module " + shortText + " NOT NULL, "
                + "version " + shortText + " NOT NULL, "
                + "description " + text + " NOT NULL, "
                + "type " + (sqlite ? "TEXT" : "VARCHAR(20)") + " NOT NULL, "
                + "script " + text + " NOT NULL, "
                + "checksum " + (sqlite ? "TEXT" : "VARCHAR(128)") + ", "
                + "checksum_algorithm " + (sqlite ? "TEXT" : "VARCHAR(64)") + ", "
                + "installed_by " + shortText + " NOT NULL, "
                + "installed_on " + (sqlite ? "TEXT" : "TIMESTAMP WITH TIME ZONE") + " NOT NULL, "
                + "execution_time_ms " + (sqlite ? "INTEGER" : "BIGINT") + " NOT NULL, "
                + "success " + (sqlite ? "INTEGER" : "BOOLEAN") + " NOT NULL)",
                "CREATE UNIQUE INDEX IF NOT EXISTS " + index + " ON " + reference + " (module, version)");
    }

    public void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (dialect == Dialect.POSTGRESQL) {
                // One round trip: PostgreSQL runs the two as one implicit transaction, both or neither.
                statement.execute(String.join(";\n", createStatements()));
                return;
            }
            for (String sql : createStatements()) {
                statement.execute(sql);
            }
        }
    }

    public List<HistoryRow> readAll(Connection connection) throws SQLException {
        List<HistoryRow> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + COLUMNS + " FROM " + reference
                     + " ORDER BY installed_rank")) {
            while (result.next()) {
                boolean repeatable = HistoryRow.TYPE_REPEATABLE.equals(result.getString(5));
                rows.add(new HistoryRow(result.getInt(1), result.getString(2),
                        repeatable ? null : MigrationVersion.parse(result.getString(3)), result.getString(4), result.getString(5),
                        result.getString(6), result.getString(7), result.getString(8), result.getString(9),
                        readInstant(result), result.getLong(11), result.getBoolean(12)));
            }
        }
        return rows;
    }

    private Instant readInstant(ResultSet result) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            return Instant.parse(result.getString(10));
        }
        return result.getObject(10, OffsetDateTime.class).toInstant();
    }

    public void insert(Connection connection, HistoryRow row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insertSql())) {
            bindInsert(statement, 1, row);
            statement.executeUpdate();
        }
    }

    /** The insert of one row, with its twelve parameters. */
    String insertSql() {
        return "INSERT INTO " + reference + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /** Binds the row to the parameters of {@link #insertSql()}, numbered from {@code first}. */
    void bindInsert(PreparedStatement statement, int first, HistoryRow row) throws SQLException {
        statement.setInt(first, row.rank());
        statement.setString(first + 1, row.module());
        statement.setString(first + 2, versionColumn(row));
        statement.setString(first + 3, row.description());
        statement.setString(first + 4, row.type());
        statement.setString(first + 5, row.script());
        statement.setString(first + 6, row.checksum());
        statement.setString(first + 7, row.checksumAlgorithm());
        statement.setString(first + 8, row.installedBy());
        setInstant(statement, first + 9, row.installedOn());
        statement.setLong(first + 10, row.executionTimeMillis());
        statement.setBoolean(first + 11, row.success());
    }

    private void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (dialect == Dialect.SQLITE) {
            statement.setString(index, instant.toString());
        } else {
            statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    /** The insert as literal SQL, for dry runs. */
    public String insertLiteral(HistoryRow row) {
        String installedOn = dialect == Dialect.SQLITE ? literal(row.installedOn().toString())
                : "TIMESTAMP WITH TIME ZONE " + literal(row.installedOn().toString().replace('T', ' ')
                .replace("Z", "+00"));
        String success = dialect == Dialect.SQLITE ? (row.success() ? "1" : "0")
                : String.valueOf(row.success()).toUpperCase(Locale.ROOT);
        return "INSERT INTO " + reference + " (" + COLUMNS + ") VALUES (" + row.rank() + ", " + literal(row.module())
                + ", " + literal(versionColumn(row)) + ", " + literal(row.description()) + ", "
                + literal(row.type()) + ", " + literal(row.script()) + ", " + literal(row.checksum()) + ", "
                + literal(row.checksumAlgorithm()) + ", " + literal(row.installedBy()) + ", " + installedOn + ", "
                + row.executionTimeMillis() + ", " + success + ")";
    }

    private static String versionColumn(HistoryRow row) {
        return row.version() == null ? HistoryRow.repeatableKey(row.description()) : row.version().toString();
    }

    /** Records that a repeatable migration was applied again: its one row takes the new checksum and time. */
    public void updateRepeatable(Connection connection, int rank, HistoryRow applied) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(updateRepeatableSql())) {
            bindUpdateRepeatable(statement, 1, rank, applied);
            statement.executeUpdate();
        }
    }

    /** The update of a repeatable's row, with its eight parameters. */
    String updateRepeatableSql() {
        return "UPDATE " + reference + " SET checksum = ?, checksum_algorithm = ?, installed_by = ?, installed_on = ?,"
                + " execution_time_ms = ?, success = ?, script = ? WHERE installed_rank = ?";
    }

    /** Binds to the parameters of {@link #updateRepeatableSql()}, numbered from {@code first}. */
    void bindUpdateRepeatable(PreparedStatement statement, int first, int rank, HistoryRow applied)
            throws SQLException {
        statement.setString(first, applied.checksum());
        statement.setString(first + 1, applied.checksumAlgorithm());
        statement.setString(first + 2, applied.installedBy());
        setInstant(statement, first + 3, applied.installedOn());
        statement.setLong(first + 4, applied.executionTimeMillis());
        statement.setBoolean(first + 5, applied.success());
        statement.setString(first + 6, applied.script());
        statement.setInt(first + 7, rank);
    }

    public void markSucceeded(Connection connection, int rank, long executionTimeMillis) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + reference
                + " SET success = ?, execution_time_ms = ? WHERE installed_rank = ?")) {
            statement.setBoolean(1, true);
            statement.setLong(2, executionTimeMillis);
            statement.setInt(3, rank);
            statement.executeUpdate();
        }
    }

    public void delete(Connection connection, int rank) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + reference
                + " WHERE installed_rank = ?")) {
            statement.setInt(1, rank);
            statement.executeUpdate();
        }
    }

    public void updateChecksum(Connection connection, int rank, String checksum, String algorithm)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + reference
                + " SET checksum = ?, checksum_algorithm = ? WHERE installed_rank = ?")) {
            statement.setString(1, checksum);
            statement.setString(2, algorithm);
            statement.setInt(3, rank);
            statement.executeUpdate();
        }
    }

    private static String literal(String value) {
        return value == null ? "NULL" : "'" + value.replace("'", "''") + "'";
    }
}
