-- A volatile default is evaluated for every existing row: PostgreSQL rewrites the table.
ALTER TABLE events ADD COLUMN received_at timestamptz NOT NULL DEFAULT clock_timestamp();
-- No old query uses audit_log, but the rewrite still costs time and disk.
ALTER TABLE audit_log ALTER COLUMN line TYPE varchar(200);
-- A constant default needs no rewrite (PostgreSQL 11+).
ALTER TABLE events ADD COLUMN source text NOT NULL DEFAULT 'api';
