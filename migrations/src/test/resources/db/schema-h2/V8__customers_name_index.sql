CREATE UNIQUE INDEX customers_name_email_idx ON customers (name, email);
