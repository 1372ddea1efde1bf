package dev.cairn.migrations.internal;

import dev.cairn.migrations.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads Flyway's history table, {@code flyway_schema_history}, in the managed schema. Thread-safe. */
final class FlywayHistory {
    static final String TABLE = "flyway_schema_history";
    private static final DateTimeFormatter SQLITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS]");

    /**
     * One row of Flyway's history.
     *
     * @param version the version, or null for a repeatable migration (or Flyway's schema-creation marker)
     * @param type SQL, JDBC, BASELINE, SCHEMA, …
     * @param checksum Flyway's CRC-32, or null
     */
    record Row(int rank, String version, String description, String type, String script, Integer checksum,
               String installedBy, Instant installedOn, long executionTimeMillis, boolean success) {
    }

    private final Dialect dialect;
    private final String schema;

    FlywayHistory(Dialect dialect, String schema) {
        this.dialect = dialect;
        this.schema = dialect == Dialect.SQLITE || schema == null || schema.isEmpty() ? null : schema;
    }

    private String reference() {
        return schema == null ? TABLE : quote(schema) + "." + TABLE;
    }

    boolean exists(Connection connection) throws SQLException {
        String sql = switch (dialect) {
            case SQLITE -> "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?";
            // to_regclass, not information_schema, whose views cost a new session milliseconds to plan.
            case POSTGRESQL -> "SELECT 1 WHERE pg_catalog.to_regclass(pg_catalog.quote_ident(coalesce(?,"
                    + " pg_catalog.current_schema())) || '.' || pg_catalog.quote_ident(?)) IS NOT NULL";
            case H2 -> "SELECT 1 FROM information_schema.tables WHERE table_schema = coalesce(?, SCHEMA())"
                    + " AND table_name = ?";
        };
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (dialect == Dialect.SQLITE) {
                statement.setString(1, TABLE);
            } else {
                statement.setString(1, schema);
                statement.setString(2, TABLE);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    List<Row> readAll(Connection connection) throws SQLException {
        List<String> columns = List.of("installed_rank", "version", "description", "type", "script", "checksum",
                "installed_by", "installed_on", "execution_time", "success");
        // Flyway quotes its identifiers on H2, so table and columns are lower case there.
        boolean h2 = dialect == Dialect.H2;
        String select = "SELECT " + String.join(", ", h2 ? columns.stream().map(name -> "\"" + name + "\"").toList()
                : columns) + " FROM " + (h2 ? (schema == null ? "" : quote(schema) + ".") + quote(TABLE) : reference())
                + " ORDER BY 1";
        List<Row> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(select)) {
            while (result.next()) {
                int checksum = result.getInt(6);
                Integer maybeChecksum = result.wasNull() ? null : checksum;
                rows.add(new Row(result.getInt(1), result.getString(2), result.getString(3), result.getString(4),
                        result.getString(5), maybeChecksum, result.getString(7), installedOn(result),
                        result.getLong(9), result.getBoolean(10)));
            }
        }
        return rows;
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private Instant installedOn(ResultSet result) throws SQLException {
        if (dialect != Dialect.SQLITE) {
            Timestamp timestamp = result.getTimestamp(8);
            return timestamp == null ? Instant.EPOCH : timestamp.toInstant();
        }
        String text = result.getString(8);
        try {
            return LocalDateTime.parse(text, SQLITE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | NullPointerException unreadable) {
            return Instant.EPOCH;
        }
    }
}
