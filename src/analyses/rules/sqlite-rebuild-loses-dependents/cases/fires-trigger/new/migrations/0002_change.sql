CREATE TABLE users_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT, plan TEXT NOT NULL DEFAULT 'free', age INTEGER);
INSERT INTO users_new (id, email, name, plan) SELECT id, email, name, plan FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
