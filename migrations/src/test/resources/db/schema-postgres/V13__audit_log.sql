CREATE TABLE audit_log (
    id         bigserial PRIMARY KEY,
    table_name text NOT NULL,
    row_id     bigint NOT NULL,
    change     text NOT NULL,
    at         timestamptz NOT NULL DEFAULT clock_timestamp()
);
