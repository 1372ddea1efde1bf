CREATE FUNCTION open_order_count(customer bigint) RETURNS integer LANGUAGE sql STABLE AS $$
    SELECT count(*)::integer FROM orders WHERE customer_id = customer AND status <> 'shipped'
$$;
