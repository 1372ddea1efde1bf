CREATE TABLE tags (
    name   VARCHAR(40) PRIMARY KEY,
    colour CHAR(7) DEFAULT '#888888' NOT NULL
);
CREATE TABLE product_tags (
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    tag        VARCHAR(40) NOT NULL REFERENCES tags (name) ON UPDATE CASCADE ON DELETE CASCADE,
    UNIQUE (product_id, tag)
);
