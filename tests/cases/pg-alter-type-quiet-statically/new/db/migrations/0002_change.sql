ALTER TABLE orders ALTER COLUMN total_cents TYPE numeric(12,2);
