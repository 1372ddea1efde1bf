-- The rebuild SQLite needs to make a column NOT NULL; the trigger that writes to the table goes and comes back.
DROP TRIGGER orders_status_audit;
CREATE TABLE audit_log_new (
    id         INTEGER PRIMARY KEY,
    table_name TEXT NOT NULL,
    row_id     INTEGER NOT NULL,
    change     TEXT NOT NULL,
    at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
INSERT INTO audit_log_new SELECT id, table_name, row_id, change, coalesce(at, '') FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
CREATE TRIGGER orders_status_audit AFTER UPDATE OF status ON orders
BEGIN
    INSERT INTO audit_log (table_name, row_id, change) VALUES ('orders', NEW.id, OLD.status || '->' || NEW.status);
END;
