CREATE TABLE products (
    id          serial PRIMARY KEY,
    sku         text NOT NULL UNIQUE,
    title       text NOT NULL COLLATE "C",
    price_cents positive_cents,
    active      boolean NOT NULL DEFAULT true,
    tags        text[] NOT NULL DEFAULT '{}'
);
