DROP INDEX audit_log_row_idx;
DROP INDEX tasks_search_idx;
DROP INDEX tasks_tags_idx;
DROP INDEX projects_lower_name_idx;
DROP INDEX tasks_open_idx;
DROP INDEX tasks_project_idx;
