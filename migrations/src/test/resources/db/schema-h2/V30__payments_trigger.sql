CREATE TRIGGER payments_audit AFTER INSERT ON payments FOR EACH ROW CALL 'dev.cairn.migrations.schema.H2AuditTrigger';
