DROP INDEX settings_kv_value_idx;
DROP VIEW recent_audit;
DROP TABLE settings_kv;
DROP POLICY comments_visible ON task_comments;
ALTER TABLE task_comments DISABLE ROW LEVEL SECURITY;
