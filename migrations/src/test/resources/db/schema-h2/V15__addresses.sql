CREATE TABLE addresses (
    id          INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id BIGINT NOT NULL,
    line1       VARCHAR(200) NOT NULL,
    city        VARCHAR(100) NOT NULL,
    country     CHAR(2) DEFAULT 'NL' NOT NULL CHECK (CHAR_LENGTH(country) = 2),
    CONSTRAINT addresses_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id)
        ON DELETE CASCADE ON UPDATE NO ACTION
);
