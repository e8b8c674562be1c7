DROP VIEW IF EXISTS user_directory;
CREATE VIEW user_directory AS SELECT id, name, email FROM users;
