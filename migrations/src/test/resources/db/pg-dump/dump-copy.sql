--
-- PostgreSQL database dump
--

\restrict WMTuDGeSCcZJSQSSfOrAInZnodCv3qSbXso5uaMzoMUBc0zVCGf6GX7VuUlAWsa

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: shop; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA shop;


ALTER SCHEMA shop OWNER TO postgres;

--
-- Name: order_status; Type: TYPE; Schema: shop; Owner: postgres
--

CREATE TYPE shop.order_status AS ENUM (
    'new',
    'paid',
    'shipped',
    'cancelled'
);


ALTER TYPE shop.order_status OWNER TO postgres;

--
-- Name: positive_amount; Type: DOMAIN; Schema: shop; Owner: postgres
--

CREATE DOMAIN shop.positive_amount AS numeric(12,2)
	CONSTRAINT positive_amount_check CHECK ((VALUE > (0)::numeric));


ALTER DOMAIN shop.positive_amount OWNER TO postgres;

--
-- Name: invoice_number; Type: SEQUENCE; Schema: shop; Owner: postgres
--

CREATE SEQUENCE shop.invoice_number
    START WITH 1000
    INCREMENT BY 5
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE shop.invoice_number OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: orders; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.orders (
    id bigint NOT NULL,
    customer_id bigint NOT NULL,
    status shop.order_status DEFAULT 'new'::shop.order_status NOT NULL,
    total shop.positive_amount NOT NULL,
    invoice bigint DEFAULT nextval('shop.invoice_number'::regclass),
    updated_at timestamp with time zone
);


ALTER TABLE shop.orders OWNER TO postgres;

--
-- Name: order_label(shop.orders); Type: FUNCTION; Schema: shop; Owner: postgres
--

CREATE FUNCTION shop.order_label(o shop.orders) RETURNS text
    LANGUAGE plpgsql STABLE
    AS $_$
DECLARE
    quote text := $$'$$;
BEGIN
    RETURN 'order ' || o.id || ': ' || quote || o.status || quote || E'\t$x$;';
END;
$_$;


ALTER FUNCTION shop.order_label(o shop.orders) OWNER TO postgres;

--
-- Name: touch(); Type: FUNCTION; Schema: shop; Owner: postgres
--

CREATE FUNCTION shop.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();  -- a comment; with a semicolon
    RETURN NEW;
END;
$$;


ALTER FUNCTION shop.touch() OWNER TO postgres;

--
-- Name: customer; Type: TABLE; Schema: shop; Owner: postgres
--

CREATE TABLE shop.customer (
    id bigint NOT NULL,
    email text NOT NULL,
    name text NOT NULL,
    note text,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE shop.customer OWNER TO postgres;

--
-- Name: customer_id_seq; Type: SEQUENCE; Schema: shop; Owner: postgres
--

CREATE SEQUENCE shop.customer_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE shop.customer_id_seq OWNER TO postgres;

--
-- Name: customer_id_seq; Type: SEQUENCE OWNED BY; Schema: shop; Owner: postgres
--

ALTER SEQUENCE shop.customer_id_seq OWNED BY shop.customer.id;


--
-- Name: open_orders; Type: VIEW; Schema: shop; Owner: postgres
--

CREATE VIEW shop.open_orders AS
 SELECT o.id,
    c.email,
    o.total
   FROM (shop.orders o
     JOIN shop.customer c ON ((c.id = o.customer_id)))
  WHERE (o.status = ANY (ARRAY['new'::shop.order_status, 'paid'::shop.order_status]));


ALTER TABLE shop.open_orders OWNER TO postgres;

--
-- Name: orders_id_seq; Type: SEQUENCE; Schema: shop; Owner: postgres
--

CREATE SEQUENCE shop.orders_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE shop.orders_id_seq OWNER TO postgres;

--
-- Name: orders_id_seq; Type: SEQUENCE OWNED BY; Schema: shop; Owner: postgres
--

ALTER SEQUENCE shop.orders_id_seq OWNED BY shop.orders.id;


--
-- Name: revenue; Type: MATERIALIZED VIEW; Schema: shop; Owner: postgres
--

CREATE MATERIALIZED VIEW shop.revenue AS
 SELECT c.id AS customer_id,
    sum((o.total)::numeric) AS total
   FROM (shop.customer c
     JOIN shop.orders o ON ((o.customer_id = c.id)))
  GROUP BY c.id
  WITH NO DATA;


ALTER TABLE shop.revenue OWNER TO postgres;

--
-- Name: customer id; Type: DEFAULT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.customer ALTER COLUMN id SET DEFAULT nextval('shop.customer_id_seq'::regclass);


--
-- Name: orders id; Type: DEFAULT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.orders ALTER COLUMN id SET DEFAULT nextval('shop.orders_id_seq'::regclass);


--
-- Data for Name: customer; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.customer (id, email, name, note, created_at) FROM stdin;
1	ana@example.org	Ana	tab\there, newline\nthere, backslash \\ and \\. alone	2026-01-02 03:04:05+00
2	jörg@example.org	Jörg Groß	line\r\nwith CR; and 'quotes' and "double" -- not a comment	2026-01-02 03:04:05+00
3	mei@example.org	王美 🌸	\N	2026-01-02 03:04:05+00
4	empty@example.org			2026-01-02 03:04:05+00
5	dot@example.org	Dot	\\.\n\\.	2026-01-02 03:04:05+00
\.


--
-- Data for Name: orders; Type: TABLE DATA; Schema: shop; Owner: postgres
--

COPY shop.orders (id, customer_id, status, total, invoice, updated_at) FROM stdin;
1	1	paid	10.50	1000	\N
2	2	new	99.99	1005	\N
3	3	shipped	0.01	1010	\N
\.


--
-- Name: customer_id_seq; Type: SEQUENCE SET; Schema: shop; Owner: postgres
--

SELECT pg_catalog.setval('shop.customer_id_seq', 5, true);


--
-- Name: invoice_number; Type: SEQUENCE SET; Schema: shop; Owner: postgres
--

SELECT pg_catalog.setval('shop.invoice_number', 1010, true);


--
-- Name: orders_id_seq; Type: SEQUENCE SET; Schema: shop; Owner: postgres
--

SELECT pg_catalog.setval('shop.orders_id_seq', 3, true);


--
-- Name: customer customer_email_key; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.customer
    ADD CONSTRAINT customer_email_key UNIQUE (email);


--
-- Name: customer customer_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.customer
    ADD CONSTRAINT customer_pkey PRIMARY KEY (id);


--
-- Name: orders orders_invoice_unique; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.orders
    ADD CONSTRAINT orders_invoice_unique UNIQUE (invoice);


--
-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.orders
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);


--
-- Name: customer_lower_email; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX customer_lower_email ON shop.customer USING btree (lower(email)) WHERE (note IS NOT NULL);


--
-- Name: orders_customer_status; Type: INDEX; Schema: shop; Owner: postgres
--

CREATE INDEX orders_customer_status ON shop.orders USING btree (customer_id, status);


--
-- Name: orders orders_touch; Type: TRIGGER; Schema: shop; Owner: postgres
--

CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch();


--
-- Name: orders orders_customer_id_fkey; Type: FK CONSTRAINT; Schema: shop; Owner: postgres
--

ALTER TABLE ONLY shop.orders
    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES shop.customer(id) ON DELETE CASCADE;


--
-- Name: revenue; Type: MATERIALIZED VIEW DATA; Schema: shop; Owner: postgres
--

REFRESH MATERIALIZED VIEW shop.revenue;


--
-- PostgreSQL database dump complete
--

\unrestrict WMTuDGeSCcZJSQSSfOrAInZnodCv3qSbXso5uaMzoMUBc0zVCGf6GX7VuUlAWsa

