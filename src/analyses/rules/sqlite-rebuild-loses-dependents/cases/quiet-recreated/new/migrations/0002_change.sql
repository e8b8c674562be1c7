CREATE TABLE users_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT, plan TEXT NOT NULL DEFAULT 'free', age INTEGER);
INSERT INTO users_new (id, email, name, plan) SELECT id, email, name, plan FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE INDEX users_email_idx ON users (email);
CREATE TRIGGER users_audit AFTER UPDATE ON users BEGIN INSERT INTO audit VALUES (NEW.id, CURRENT_TIMESTAMP); END;
