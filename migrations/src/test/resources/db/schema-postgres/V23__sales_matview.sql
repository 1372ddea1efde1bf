CREATE MATERIALIZED VIEW product_sales AS
SELECT l.product_id, sum(l.quantity) AS sold
  FROM order_lines l
 GROUP BY l.product_id
WITH NO DATA;
CREATE UNIQUE INDEX product_sales_product_idx ON product_sales (product_id);
