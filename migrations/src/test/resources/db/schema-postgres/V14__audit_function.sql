CREATE FUNCTION audit_status_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO audit_log (table_name, row_id, change)
    VALUES (TG_TABLE_NAME, NEW.id, OLD.status || '->' || NEW.status);
    RETURN NEW;
END;
$$;
