ALTER TABLE orders RENAME TO purchases;
ALTER TABLE purchases RENAME COLUMN total TO amount;
ALTER TABLE purchases DROP COLUMN amount;
