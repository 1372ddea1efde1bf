/* Functions. /* A nested comment; with semicolons; */ still a comment; */
CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION audit_row() RETURNS trigger
LANGUAGE plpgsql AS $audit$
DECLARE
    payload jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        payload := to_jsonb(OLD);
    ELSE
        payload := to_jsonb(NEW);
    END IF;
    INSERT INTO audit_log (table_name, operation, row_data)
    VALUES (TG_TABLE_NAME, substr(TG_OP, 1, 1), payload);
    RETURN COALESCE(NEW, OLD);
END;
$audit$;

CREATE FUNCTION task_search_vector(title text, tags text[]) RETURNS tsvector
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT to_tsvector('simple', coalesce(title, '') || ' ' || array_to_string(tags, ' '));
$fn$;

CREATE FUNCTION update_task_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search := task_search_vector(NEW.title, NEW.tags);
    RETURN NEW;
END $$;

CREATE FUNCTION open_task_count(p_project bigint) RETURNS integer
LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT count(*)::integer FROM tasks WHERE project_id = p_project AND deleted_at IS NULL AND status <> 'done';
END;

CREATE PROCEDURE archive_done_tasks(p_project bigint)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE tasks SET deleted_at = now() WHERE project_id = p_project AND status = 'done';
END;
$$;

CREATE FUNCTION quote_note(note text) RETURNS text LANGUAGE sql IMMUTABLE AS
'SELECT ''note: '' || note || '';''';
