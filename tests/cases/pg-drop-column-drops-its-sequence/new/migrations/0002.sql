-- A serial column owns its sequence: dropping the column drops it (renaming the table does not rename it).
ALTER TABLE orders DROP COLUMN legacy_no;
ALTER TABLE orders RENAME TO purchases;
