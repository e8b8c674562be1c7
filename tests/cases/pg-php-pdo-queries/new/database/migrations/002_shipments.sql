CREATE TABLE shipments (order_id integer PRIMARY KEY REFERENCES orders (id), shipped_at timestamptz NOT NULL);
ALTER TABLE orders DROP COLUMN shipped_at;
