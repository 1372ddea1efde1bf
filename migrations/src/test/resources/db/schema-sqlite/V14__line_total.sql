ALTER TABLE order_lines ADD COLUMN line_total_cents INTEGER
    GENERATED ALWAYS AS (quantity * unit_price_cents) VIRTUAL;
