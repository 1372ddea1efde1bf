-- Types used across the schema; statements end with semicolons; even in comments;
CREATE TYPE ${schema}.task_status AS ENUM ('planned', 'in_progress', 'done');
CREATE TYPE priority AS ENUM ('low', 'medium', 'high');
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
CREATE TYPE money_amount AS (currency char(3), cents bigint);
CREATE SEQUENCE invoice_number_seq START 1000 INCREMENT 1;
