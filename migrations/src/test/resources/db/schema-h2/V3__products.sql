CREATE TABLE products (
    id          INTEGER AUTO_INCREMENT PRIMARY KEY,
    sku         VARCHAR(40) NOT NULL UNIQUE,
    title       VARCHAR(200) NOT NULL,
    price_cents POSITIVE_CENTS,
    active      BOOLEAN DEFAULT TRUE NOT NULL,
    weight_kg   NUMERIC(8, 3)
);
