CREATE TABLE categories (
    id        integer PRIMARY KEY,
    parent_id integer REFERENCES categories (id) ON DELETE SET NULL,
    name      text NOT NULL
);
CREATE TABLE product_categories (
    product_id  integer NOT NULL REFERENCES products ON DELETE CASCADE,
    category_id integer NOT NULL REFERENCES categories ON DELETE CASCADE,
    PRIMARY KEY (product_id, category_id)
);
