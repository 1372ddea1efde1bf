CREATE TABLE payments (
    id           INTEGER PRIMARY KEY,
    order_id     INTEGER DEFAULT 0 REFERENCES orders (id) ON DELETE SET DEFAULT ON UPDATE RESTRICT,
    provider     TEXT NOT NULL,
    reference    TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    CONSTRAINT payments_amount_positive CHECK (amount_cents > 0),
    UNIQUE (provider, reference)
);
