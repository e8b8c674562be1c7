PRAGMA foreign_keys = OFF;
BEGIN;
ALTER TABLE users ADD COLUMN age INTEGER;
COMMIT;
PRAGMA foreign_keys = ON;
