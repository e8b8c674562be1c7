CREATE TABLE orders (id bigserial PRIMARY KEY, total int NOT NULL);
CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;
CREATE VIEW big_order_ids AS SELECT id FROM big_orders;
