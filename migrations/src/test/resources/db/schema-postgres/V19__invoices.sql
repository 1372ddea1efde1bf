CREATE TABLE invoices (
    number   integer PRIMARY KEY DEFAULT nextval('invoice_number_seq'),
    order_id bigint NOT NULL REFERENCES orders (id) ON DELETE RESTRICT,
    issued   date NOT NULL DEFAULT current_date,
    total    positive_cents
);
ALTER SEQUENCE invoice_number_seq OWNED BY invoices.number;
