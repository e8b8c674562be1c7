CREATE SEQUENCE orders_number_seq;
CREATE TABLE orders (id bigint PRIMARY KEY, number bigint);
