DROP VIEW active_users;
CREATE VIEW active_users AS SELECT id, email, name FROM users;
DROP VIEW IF EXISTS active_users;
