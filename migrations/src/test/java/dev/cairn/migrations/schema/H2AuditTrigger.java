package dev.cairn.migrations.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** An H2 trigger (H2 runs Java classes) that writes each changed row's id to the audit log. */
public final class H2AuditTrigger implements Trigger {
    private String table;

    @Override
    public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
                     int type) {
        this.table = tableName;
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_log (table_name, row_id, change) VALUES (?, ?, ?)")) {
            insert.setString(1, table);
            insert.setLong(2, newRow[0] instanceof Number number ? number.longValue() : 0);
            insert.setString(3, oldRow == null ? "insert" : "update");
            insert.executeUpdate();
        }
    }
}
