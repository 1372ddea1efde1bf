-- PostgreSQL cannot drop an enum value; 'urgent' goes with the type in U1.
REVOKE SELECT ON open_tasks FROM PUBLIC;
DROP TABLE task_comments;
ALTER TABLE tasks RENAME COLUMN estimate_points TO estimate;
ALTER TABLE audit_log ALTER COLUMN table_name SET DATA TYPE text;
ALTER TABLE tasks DROP CONSTRAINT due_after_2000;
ALTER TABLE tasks DROP COLUMN due_date;
