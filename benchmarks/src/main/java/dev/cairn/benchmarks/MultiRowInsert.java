package dev.cairn.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows for one table, held until {@link #flush} writes them with multi-row inserts: as many rows a statement
 * as 999 bound values allow, up to 100, the rest in one shorter statement. The fastest plain-JDBC way to
 * insert many rows on SQLite (a third faster than {@code addBatch} of single rows), and the way Cairn's SQL
 * stores write a batch. Not thread-safe.
 */
final class MultiRowInsert implements AutoCloseable {
    private final Connection connection;
    private final String table;
    private final String[] columns;
    private final int rowsPerStatement;
    private final List<Object[]> rows = new ArrayList<>();
    private PreparedStatement whole;

    MultiRowInsert(Connection connection, String table, String... columns) {
        this.connection = connection;
        this.table = table;
        this.columns = columns;
        this.rowsPerStatement = Math.max(1, Math.min(100, 999 / columns.length));
    }

    /** Holds one row, its values in the order of the columns. */
    void add(Object... values) {
        rows.add(values);
    }

    /** Writes every row held. */
    void flush() throws SQLException {
        int written = 0;
        if (rows.size() >= rowsPerStatement) {
            if (whole == null) {
                whole = connection.prepareStatement(sql(rowsPerStatement));
            }
            for (; written + rowsPerStatement <= rows.size(); written += rowsPerStatement) {
                execute(whole, rows.subList(written, written + rowsPerStatement));
            }
        }
        if (written < rows.size()) {
            List<Object[]> rest = rows.subList(written, rows.size());
            try (PreparedStatement shorter = connection.prepareStatement(sql(rest.size()))) {
                execute(shorter, rest);
            }
        }
        rows.clear();
    }

    private void execute(PreparedStatement insert, List<Object[]> statementRows) throws SQLException {
        int index = 1;
        for (Object[] row : statementRows) {
            for (Object value : row) {
                insert.setObject(index++, value);
            }
        }
        insert.executeUpdate();
    }

    private String sql(int rowCount) {
        String row = "(" + String.join(", ", Collections.nCopies(columns.length, "?")) + ")";
        return "insert into " + table + " (" + String.join(", ", columns) + ") values "
                + String.join(", ", Collections.nCopies(rowCount, row));
    }

    @Override
    public void close() throws SQLException {
        if (whole != null) {
            whole.close();
        }
    }
}
