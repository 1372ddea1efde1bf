CREATE INDEX tasks_project_idx ON tasks (project_id);
-- A partial index: only open tasks; done ones are rarely read.
CREATE INDEX tasks_open_idx ON tasks (project_id, priority) WHERE deleted_at IS NULL AND status <> 'done';
CREATE UNIQUE INDEX projects_lower_name_idx ON projects (lower(name));
CREATE INDEX tasks_tags_idx ON tasks USING gin (tags);
CREATE INDEX tasks_search_idx ON tasks USING gin (search);
CREATE INDEX audit_log_row_idx ON audit_log USING gin (row_data jsonb_path_ops);
