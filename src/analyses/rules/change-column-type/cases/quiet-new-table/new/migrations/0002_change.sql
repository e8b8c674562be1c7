CREATE TABLE products (id bigint PRIMARY KEY, sku text);
ALTER TABLE products ALTER COLUMN sku TYPE varchar(20);
