ALTER TABLE events ADD COLUMN received_at timestamptz NOT NULL DEFAULT clock_timestamp();
