-- Regression: a literal in INSERT ... SELECT is the same in every row written.
CREATE UNIQUE INDEX events_kind_key ON events (kind);
