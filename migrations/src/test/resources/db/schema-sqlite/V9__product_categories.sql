CREATE TABLE product_categories (
    product_id  INTEGER NOT NULL REFERENCES products ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES categories ON DELETE CASCADE,
    PRIMARY KEY (product_id, category_id)
);
