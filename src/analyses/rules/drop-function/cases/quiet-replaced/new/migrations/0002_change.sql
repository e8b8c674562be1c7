CREATE OR REPLACE FUNCTION order_total(o bigint) RETURNS bigint LANGUAGE sql AS $$ SELECT coalesce(total_cents, 0) FROM orders WHERE id = o $$;
