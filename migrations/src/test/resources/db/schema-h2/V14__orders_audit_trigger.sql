CREATE TRIGGER orders_status_audit AFTER UPDATE ON orders FOR EACH ROW CALL 'dev.cairn.migrations.schema.H2AuditTrigger';
