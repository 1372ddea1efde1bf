CREATE PROCEDURE archive_shipped(before timestamptz) LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM orders WHERE status = 'shipped' AND placed_at < before;
END;
$$;
