DROP INDEX CONCURRENTLY task_comments_task_idx;
