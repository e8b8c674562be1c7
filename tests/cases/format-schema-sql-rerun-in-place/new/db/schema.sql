-- Run at every start: each statement must be safe to run again.
CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, payload TEXT);
CREATE INDEX IF NOT EXISTS events_kind ON events (kind);
ALTER TABLE events RENAME COLUMN payload TO body;
