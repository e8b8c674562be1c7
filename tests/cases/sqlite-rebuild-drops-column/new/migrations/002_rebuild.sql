CREATE TABLE users_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'active');
INSERT INTO users_new (id, email, status) SELECT id, email, status FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
