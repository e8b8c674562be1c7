CREATE TABLE orders (id bigserial PRIMARY KEY, total int NOT NULL, note text);
CREATE VIEW order_totals AS SELECT id, total * 100 AS cents FROM orders;
