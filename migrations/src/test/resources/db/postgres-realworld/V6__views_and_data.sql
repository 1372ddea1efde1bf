CREATE VIEW open_tasks AS
    SELECT t.id, t.title, p.name AS project -- project; its name
    FROM tasks t JOIN projects p ON p.id = t.project_id
    WHERE t.deleted_at IS NULL AND t.status <> 'done';
CREATE MATERIALIZED VIEW project_stats AS
    SELECT project_id, count(*) AS task_count FROM tasks GROUP BY project_id WITH NO DATA;
INSERT INTO projects (name, settings) VALUES ('Cairn', '{"theme": "dark; mode"}'), ('It''s; tricky', '{}');
INSERT INTO tasks (project_id, title, priority, tags)
    SELECT id, 'Write the parser', 'high', ARRAY['parser', 'semi;colon'] FROM projects WHERE name = 'Cairn';
INSERT INTO tasks (project_id, title, status) SELECT id, 'Ship 1.0', 'done' FROM projects WHERE name = 'Cairn';
UPDATE projects SET settings = jsonb_set(settings, '{owner}', '"ana"') WHERE name = 'Cairn';
REFRESH MATERIALIZED VIEW project_stats;
DO $$
BEGIN
    IF (SELECT count(*) FROM tasks) <> 2 THEN
        RAISE EXCEPTION 'expected 2 tasks; found %', (SELECT count(*) FROM tasks);
    END IF;
END
$$;
