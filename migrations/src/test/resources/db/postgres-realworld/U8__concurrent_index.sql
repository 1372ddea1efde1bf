-- cairn:no-transaction
DROP INDEX CONCURRENTLY IF EXISTS tasks_due_date_idx;
