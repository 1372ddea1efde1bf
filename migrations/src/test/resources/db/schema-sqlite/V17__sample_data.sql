INSERT INTO customers (id, email, name) VALUES (1, 'ana@example.org', 'Ana'), (2, 'bo@example.org', 'Bo');
INSERT INTO products (sku, title, price_cents) VALUES ('P-1', 'Pen', 150), ('P-2', 'Paper', 400);
INSERT INTO orders (id, customer_id, status, placed_at) VALUES (1, 1, 'new', '2026-12-01');
INSERT INTO order_lines (order_id, product_id, quantity, unit_price_cents) VALUES (1, 1, 3, 150);
