-- The source of the pg_dump fixtures beside it (see make-dumps.sh): a schema with the objects a real
-- application's dump holds, and rows whose text is awkward for a COPY block.
CREATE SCHEMA shop;

CREATE TYPE shop.order_status AS ENUM ('new', 'paid', 'shipped', 'cancelled');

CREATE DOMAIN shop.positive_amount AS numeric(12, 2) CHECK (VALUE > 0);

CREATE SEQUENCE shop.invoice_number START 1000 INCREMENT 5;

CREATE TABLE shop.customer (
    id bigserial PRIMARY KEY,
    email text NOT NULL UNIQUE,
    name text NOT NULL,
    note text,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE shop.orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES shop.customer (id) ON DELETE CASCADE,
    status shop.order_status NOT NULL DEFAULT 'new',
    total shop.positive_amount NOT NULL,
    invoice bigint DEFAULT nextval('shop.invoice_number'),
    updated_at timestamptz,
    CONSTRAINT orders_invoice_unique UNIQUE (invoice)
);

CREATE INDEX orders_customer_status ON shop.orders (customer_id, status);
CREATE INDEX customer_lower_email ON shop.customer (lower(email)) WHERE note IS NOT NULL;

CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();  -- a comment; with a semicolon
    RETURN NEW;
END;
$$;

CREATE FUNCTION shop.order_label(o shop.orders) RETURNS text LANGUAGE plpgsql STABLE AS $body$
DECLARE
    quote text := $$'$$;
BEGIN
    RETURN 'order ' || o.id || ': ' || quote || o.status || quote || E'\t$x$;';
END;
$body$;

CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch();

CREATE VIEW shop.open_orders AS
    SELECT o.id, c.email, o.total FROM shop.orders o JOIN shop.customer c ON c.id = o.customer_id
    WHERE o.status IN ('new', 'paid');

CREATE MATERIALIZED VIEW shop.revenue AS
    SELECT c.id AS customer_id, sum(o.total) AS total FROM shop.customer c JOIN shop.orders o
    ON o.customer_id = c.id GROUP BY c.id;

INSERT INTO shop.customer (id, email, name, note, created_at) VALUES
    (1, 'ana@example.org', 'Ana', E'tab\there, newline\nthere, backslash \\ and \\. alone', '2026-01-02 03:04:05+00'),
    (2, 'jörg@example.org', 'Jörg Groß', E'line\r\nwith CR; and ''quotes'' and "double" -- not a comment', '2026-01-02 03:04:05+00'),
    (3, 'mei@example.org', '王美 🌸', NULL, '2026-01-02 03:04:05+00'),
    (4, 'empty@example.org', '', '', '2026-01-02 03:04:05+00'),
    (5, 'dot@example.org', 'Dot', E'\\.\n\\.', '2026-01-02 03:04:05+00');
SELECT setval('shop.customer_id_seq', 5);

INSERT INTO shop.orders (id, customer_id, status, total, invoice) VALUES
    (1, 1, 'paid', 10.50, nextval('shop.invoice_number')),
    (2, 2, 'new', 99.99, nextval('shop.invoice_number')),
    (3, 3, 'shipped', 0.01, nextval('shop.invoice_number'));
SELECT setval('shop.orders_id_seq', 3);

REFRESH MATERIALIZED VIEW shop.revenue;
