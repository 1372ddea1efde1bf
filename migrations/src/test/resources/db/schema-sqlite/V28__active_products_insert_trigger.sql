CREATE TRIGGER active_products_insert INSTEAD OF INSERT ON active_products
BEGIN
    INSERT INTO products (sku, title, price_cents, active) VALUES (NEW.sku, NEW.title, NEW.price_cents, 1);
END;
