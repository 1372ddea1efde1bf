package dev.cairn.migrations;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Schema and data of a database as sorted lines, to compare before and after. */
final class Snapshots {

    private Snapshots() {
    }

    static List<String> rows(Connection connection, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder line = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    line.append(column > 1 ? "|" : "").append(rows.getString(column));
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    /** Schema lines from {@code schemaSql} (first column the table name) plus every row of every table. */
    static List<String> of(Connection connection, String schemaSql, String tablesSql) throws SQLException {
        List<String> lines = new ArrayList<>(rows(connection, schemaSql));
        for (String table : rows(connection, tablesSql)) {
            for (String row : rows(connection, "SELECT * FROM " + table)) {
                lines.add(table + ": " + row);
            }
        }
        Collections.sort(lines);
        return lines;
    }
}
