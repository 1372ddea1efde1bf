CREATE TRIGGER settings_audit AFTER UPDATE ON settings FOR EACH ROW CALL 'dev.cairn.migrations.schema.H2AuditTrigger';
