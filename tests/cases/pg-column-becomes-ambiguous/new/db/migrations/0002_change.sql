ALTER TABLE accounts ADD COLUMN total_cents bigint;
