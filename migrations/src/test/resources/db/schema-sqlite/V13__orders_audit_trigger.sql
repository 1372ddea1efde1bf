CREATE TRIGGER orders_status_audit AFTER UPDATE OF status ON orders
BEGIN
    INSERT INTO audit_log (table_name, row_id, change) VALUES ('orders', NEW.id, OLD.status || '->' || NEW.status);
END;
