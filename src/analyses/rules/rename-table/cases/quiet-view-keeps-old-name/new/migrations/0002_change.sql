ALTER TABLE users RENAME TO accounts;
CREATE VIEW users AS SELECT * FROM accounts;
