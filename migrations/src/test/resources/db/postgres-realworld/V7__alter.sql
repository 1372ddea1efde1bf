ALTER TABLE tasks ADD COLUMN due_date date;
ALTER TABLE tasks ADD CONSTRAINT due_after_2000 CHECK (due_date IS NULL OR due_date > DATE '2000-01-01');
ALTER TABLE audit_log ALTER COLUMN table_name SET DATA TYPE varchar(100);
ALTER TABLE tasks RENAME COLUMN estimate TO estimate_points;
CREATE TABLE task_comments (
    id bigserial PRIMARY KEY,
    task_id bigint NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    body text NOT NULL,
    "Weird; ""Name""" text
);
GRANT SELECT ON open_tasks TO PUBLIC;
ALTER TYPE priority ADD VALUE IF NOT EXISTS 'urgent' AFTER 'high';
