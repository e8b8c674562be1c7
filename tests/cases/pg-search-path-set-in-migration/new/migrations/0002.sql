SET search_path TO app;
ALTER TABLE users DROP COLUMN email;
DROP INDEX IF EXISTS users_email_idx;
