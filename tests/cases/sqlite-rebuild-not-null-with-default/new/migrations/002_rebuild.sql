CREATE TABLE users_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT,
  status TEXT NOT NULL DEFAULT 'active', tenant_id INTEGER NOT NULL DEFAULT 1);
INSERT INTO users_new (id, email, name, status) SELECT id, email, name, status FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
