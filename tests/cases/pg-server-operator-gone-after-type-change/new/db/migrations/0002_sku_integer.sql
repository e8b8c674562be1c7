SET lock_timeout = '2s';
ALTER TABLE products ALTER COLUMN sku TYPE integer USING sku::integer;
