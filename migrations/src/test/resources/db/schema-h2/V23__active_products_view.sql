CREATE VIEW active_products AS SELECT id, sku, title, price_cents FROM products WHERE active;
