CREATE INDEX CONCURRENTLY task_comments_task_idx ON task_comments (task_id);
