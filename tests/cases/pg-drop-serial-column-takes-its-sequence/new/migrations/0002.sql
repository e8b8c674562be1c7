ALTER TABLE orders ADD COLUMN note text;
CREATE INDEX orders_total ON orders (total);
ALTER TABLE orders DROP COLUMN legacy_no;
