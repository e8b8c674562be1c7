CREATE TABLE orders (id bigserial PRIMARY KEY, total int NOT NULL);
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
