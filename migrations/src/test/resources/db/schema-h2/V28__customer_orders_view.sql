CREATE VIEW customer_orders AS
SELECT c.id AS customer_id, c.full_name, COUNT(o.id) AS orders
  FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
 GROUP BY c.id, c.full_name;
