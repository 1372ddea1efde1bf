package dev.cairn.migrations.schema;

import dev.cairn.migrations.Dialect;
import dev.cairn.migrations.MigrationConfigurationException;
import dev.cairn.migrations.MigrationDatabaseException;
import dev.cairn.migrations.internal.H2SchemaReader;
import dev.cairn.migrations.internal.HistoryTable;
import dev.cairn.migrations.internal.PostgresSchemaReader;
import dev.cairn.migrations.internal.SqliteSchemaReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Takes snapshots of live databases and reads and writes snapshot files. The caller's connection is left as it
 * was found: its transaction, auto-commit and (on PostgreSQL) search path are untouched after the call.
 * Thread-safe: no state.
 */
public final class SchemaSnapshots {
    /** The history table's name when the migrator was not configured with another. */
    public static final String DEFAULT_HISTORY_TABLE = "cairn_schema_history";

    private SchemaSnapshots() {
    }

    /**
     * A snapshot of {@code schema}, leaving out the history table named {@value #DEFAULT_HISTORY_TABLE}.
     *
     * @param connection the connection to the database; left as it was found
     * @param schema the schema, or null for the connection's current one ({@code main} on SQLite)
     * @return the snapshot
     */
    public static SchemaSnapshot of(Connection connection, String schema) {
        return of(connection, schema, DEFAULT_HISTORY_TABLE);
    }

    /**
     * A snapshot of {@code schema}, leaving out {@code historyTable}: the name the migrator was configured with.
     *
     * @param connection   the connection to the database; left as it was found
     * @param schema the schema, or null for the connection's current one ({@code main} on SQLite)
     * @param historyTable the history table's name, left out of the snapshot
     * @return the snapshot
     * @throws MigrationConfigurationException when the database is not one Cairn knows
     * @throws MigrationDatabaseException      when the database fails to answer
     */
    public static SchemaSnapshot of(Connection connection, String schema, String historyTable) {
        HistoryTable.checkName(historyTable);
        try {
            Dialect dialect = Dialect.fromProductName(connection.getMetaData().getDatabaseProductName());
            return switch (dialect) {
                case SQLITE -> SqliteSchemaReader.read(connection, schema == null ? "main" : schema, historyTable);
                case POSTGRESQL -> PostgresSchemaReader.read(connection,
                        schema == null ? currentSchema(connection) : schema, historyTable);
                case H2 -> H2SchemaReader.read(connection, schema == null ? connection.getSchema() : schema,
                        historyTable);
            };
        } catch (SQLException failure) {
            throw new MigrationDatabaseException("Could not read the schema " + (schema == null ? "" : "'" + schema
                    + "' ") + "for a snapshot: " + failure.getMessage(), failure);
        }
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_catalog.current_schema()");
             ResultSet rows = statement.executeQuery()) {
            rows.next();
            String schema = rows.getString(1);
            if (schema == null) {
                throw new MigrationConfigurationException("The connection has no current schema (its search_path"
                        + " names none that exists); give the schema to snapshot.");
            }
            return schema;
        }
    }

    /**
     * Writes {@code snapshot} to {@code file} as JSON, in UTF-8.
     *
     * @param snapshot the snapshot to write
     * @param file     the file, replaced if it exists
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(SchemaSnapshot snapshot, Path file) {
        try {
            Files.writeString(file, snapshot.toJson(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException("Could not write the snapshot " + file, failure);
        }
    }

    /**
     * Reads a snapshot file {@link #write} wrote.
     *
     * @param file the snapshot file
     * @return the snapshot it holds
     * @throws SnapshotFormatException when the file holds no snapshot; the message names the file
     * @throws UncheckedIOException    when the file cannot be read
     */
    public static SchemaSnapshot read(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException("Could not read the snapshot " + file, failure);
        }
        try {
            return SchemaSnapshot.fromJson(json);
        } catch (SnapshotFormatException bad) {
            throw new SnapshotFormatException(file + ": " + bad.getMessage());
        }
    }
}
