CREATE SCHEMA archive;
ALTER TABLE orders SET SCHEMA archive;
