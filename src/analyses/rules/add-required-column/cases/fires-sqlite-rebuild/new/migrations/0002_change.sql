CREATE TABLE users_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT, plan TEXT NOT NULL DEFAULT 'free', tenant_id INTEGER NOT NULL);
INSERT INTO users_new (id, email, name, plan, tenant_id) SELECT id, email, name, plan, 1 FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
