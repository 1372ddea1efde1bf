-- Types shared by the tables below.
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');
CREATE DOMAIN email_address AS text COLLATE "C" CHECK (VALUE LIKE '%@%');
CREATE DOMAIN positive_cents AS bigint NOT NULL DEFAULT 0 CONSTRAINT positive_cents_check CHECK (VALUE >= 0);
