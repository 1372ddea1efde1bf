-- cairn:no-transaction
-- Built without blocking writes; declared above because it cannot run in a transaction.
CREATE INDEX CONCURRENTLY IF NOT EXISTS tasks_due_date_idx ON tasks (due_date) WHERE due_date IS NOT NULL;
