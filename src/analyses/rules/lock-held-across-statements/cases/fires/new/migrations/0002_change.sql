BEGIN;
ALTER TABLE users ADD COLUMN last_seen timestamptz;
UPDATE users SET last_seen = now();
COMMIT;
