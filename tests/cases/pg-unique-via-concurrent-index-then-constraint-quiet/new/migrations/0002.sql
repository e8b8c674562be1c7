CREATE UNIQUE INDEX CONCURRENTLY orders_id_total ON orders (id, total);
ALTER TABLE orders ADD CONSTRAINT orders_id_total_key UNIQUE USING INDEX orders_id_total;
