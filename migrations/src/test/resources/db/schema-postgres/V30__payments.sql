CREATE TABLE payments (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     bigint DEFAULT 0 REFERENCES orders (id) ON DELETE SET DEFAULT ON UPDATE RESTRICT,
    provider     text NOT NULL,
    reference    text NOT NULL,
    amount_cents bigint NOT NULL,
    CONSTRAINT payments_amount_positive CHECK (amount_cents > 0),
    CONSTRAINT payments_provider_reference_key UNIQUE (provider, reference)
);
COMMENT ON TABLE payments IS 'One row per payment attempt';
CREATE FUNCTION forbid_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% may not be truncated', TG_TABLE_NAME;
END;
$$;
CREATE TRIGGER payments_no_truncate BEFORE TRUNCATE ON payments
    FOR EACH STATEMENT EXECUTE FUNCTION forbid_truncate();
CREATE TABLE page_views (
    viewed_on date NOT NULL,
    path      text NOT NULL
) PARTITION BY RANGE (viewed_on);
CREATE TABLE page_views_2026 PARTITION OF page_views FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE UNLOGGED TABLE import_scratch (line text);
