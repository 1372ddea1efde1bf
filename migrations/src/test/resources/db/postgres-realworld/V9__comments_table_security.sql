ALTER TABLE task_comments ENABLE ROW LEVEL SECURITY;
CREATE POLICY comments_visible ON task_comments FOR SELECT USING (true);
CREATE TABLE settings_kv (key text PRIMARY KEY, value text) WITH (fillfactor = 90);
INSERT INTO settings_kv VALUES ('greeting', $$Hello; it's "quoted"$$), ('escaped', E'line1\nline2; \'q\'');
CREATE OR REPLACE VIEW recent_audit AS SELECT * FROM audit_log WHERE changed_at > now() - interval '1 day';
COMMENT ON FUNCTION audit_row() IS 'Writes audit rows; one per change';
CREATE INDEX settings_kv_value_idx ON settings_kv (value text_pattern_ops);
