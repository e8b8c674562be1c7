ALTER TABLE accounts RENAME TO users;
CREATE VIEW accounts AS SELECT * FROM users;
