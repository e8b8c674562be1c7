ALTER TABLE events ADD COLUMN id bigint;
