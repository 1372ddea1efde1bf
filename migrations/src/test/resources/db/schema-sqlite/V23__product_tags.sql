CREATE TABLE product_tags (
    product_id INTEGER NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    tag        TEXT NOT NULL REFERENCES tags (name) ON UPDATE CASCADE ON DELETE CASCADE,
    UNIQUE (product_id, tag)
);
