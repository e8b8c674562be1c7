BEGIN;
ALTER TABLE users ADD COLUMN last_seen timestamptz;
COMMIT;
UPDATE users SET last_seen = now() WHERE last_seen IS NULL;
