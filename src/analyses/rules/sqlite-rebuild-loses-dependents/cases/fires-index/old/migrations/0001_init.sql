CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT, plan TEXT NOT NULL DEFAULT 'free');
CREATE INDEX users_email_idx ON users (email);
