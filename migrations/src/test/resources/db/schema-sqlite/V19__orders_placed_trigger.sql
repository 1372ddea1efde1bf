CREATE TRIGGER orders_placed_at AFTER INSERT ON orders
WHEN NEW.placed_at IS NULL
BEGIN
    UPDATE orders SET placed_at = datetime('now') WHERE id = NEW.id;
END;
