DROP MATERIALIZED VIEW project_stats;
DROP VIEW open_tasks;
DELETE FROM tasks;
DELETE FROM projects;
DELETE FROM audit_log;
