-- Partial: only open orders are looked up by date.
CREATE INDEX orders_open_idx ON orders (placed_at DESC)
    WHERE status IN ('new', 'paid');
