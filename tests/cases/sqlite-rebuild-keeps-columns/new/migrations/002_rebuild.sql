PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE users_new (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  name TEXT,
  status TEXT NOT NULL DEFAULT 'active',
  plan TEXT NOT NULL DEFAULT 'free'
);
INSERT INTO users_new (id, email, name, status) SELECT id, email, name, status FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
COMMIT;
