CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT, plan TEXT NOT NULL DEFAULT 'free');
CREATE VIEW active_users AS SELECT id, email FROM users;
