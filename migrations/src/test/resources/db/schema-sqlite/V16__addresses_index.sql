CREATE INDEX addresses_customer_idx ON addresses (customer_id, city COLLATE NOCASE);
