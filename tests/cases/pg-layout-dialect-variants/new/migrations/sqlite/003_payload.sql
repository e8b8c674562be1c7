ALTER TABLE events RENAME COLUMN payload TO data;
