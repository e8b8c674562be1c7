-- Regression: the upsert's second run conflicts on email (a literal) and updates the same row,
-- so the new unique index on name never sees a second 'C'. The default on score still collides.
ALTER TABLE accounts ADD CONSTRAINT accounts_name_key UNIQUE (name);
