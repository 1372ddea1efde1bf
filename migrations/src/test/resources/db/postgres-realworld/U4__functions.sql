DROP FUNCTION quote_note(text);
DROP PROCEDURE archive_done_tasks(bigint);
DROP FUNCTION open_task_count(bigint);
DROP FUNCTION update_task_search();
DROP FUNCTION task_search_vector(text, text[]);
DROP FUNCTION audit_row();
DROP FUNCTION touch_updated_at();
