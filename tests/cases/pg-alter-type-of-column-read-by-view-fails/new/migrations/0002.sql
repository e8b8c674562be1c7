ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);
ALTER TABLE orders ALTER COLUMN total TYPE bigint;
