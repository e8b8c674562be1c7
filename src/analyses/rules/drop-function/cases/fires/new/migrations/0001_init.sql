CREATE TABLE orders (id bigint PRIMARY KEY, total_cents bigint NOT NULL);
CREATE FUNCTION order_total(o bigint) RETURNS bigint LANGUAGE sql AS $$ SELECT total_cents FROM orders WHERE id = o $$;
