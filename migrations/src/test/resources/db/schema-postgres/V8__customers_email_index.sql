CREATE UNIQUE INDEX customers_email_lower_idx ON customers (lower(email));
