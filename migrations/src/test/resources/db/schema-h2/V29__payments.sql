CREATE TABLE payments (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id     BIGINT DEFAULT 0 REFERENCES orders (id) ON DELETE SET DEFAULT ON UPDATE RESTRICT,
    provider     VARCHAR(40) NOT NULL,
    reference    VARCHAR(80) NOT NULL,
    amount_cents BIGINT NOT NULL,
    CONSTRAINT payments_amount_positive CHECK (amount_cents > 0),
    CONSTRAINT payments_provider_reference_key UNIQUE (provider, reference)
);
