CREATE TABLE users_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL, plan TEXT NOT NULL DEFAULT 'free');
INSERT INTO users_new (id, email, plan) SELECT id, email, plan FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
