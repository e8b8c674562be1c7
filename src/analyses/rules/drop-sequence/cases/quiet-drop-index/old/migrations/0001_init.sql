CREATE TABLE orders (id bigint PRIMARY KEY, number bigint);
CREATE INDEX orders_number_idx ON orders (number);
