CREATE TABLE addresses (
    id          integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL,
    line1       text NOT NULL,
    city        text NOT NULL,
    country     char(2) NOT NULL DEFAULT 'NL' CHECK (country ~ '^[A-Z]{2}$'),
    CONSTRAINT addresses_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
        ON DELETE CASCADE ON UPDATE NO ACTION
);
CREATE INDEX addresses_customer_idx ON addresses (customer_id, lower(city));
