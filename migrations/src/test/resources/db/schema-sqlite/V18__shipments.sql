CREATE TABLE shipments (
    id          INTEGER PRIMARY KEY,
    order_id    INTEGER NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    carrier     TEXT NOT NULL,
    tracking    TEXT,
    tracking_up TEXT GENERATED ALWAYS AS (upper(tracking)) STORED,
    shipped_at  TEXT NOT NULL
);
