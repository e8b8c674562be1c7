CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text, plan text NOT NULL DEFAULT 'free');
CREATE VIEW active_users AS SELECT id, email FROM users;
