ALTER TABLE users RENAME TO accounts;
CREATE VIEW users AS SELECT * FROM accounts;
CREATE TRIGGER users_insert INSTEAD OF INSERT ON users BEGIN
  INSERT INTO accounts (email, name) VALUES (NEW.email, NEW.name);
END;
CREATE TRIGGER users_update INSTEAD OF UPDATE ON users BEGIN
  UPDATE accounts SET name = NEW.name WHERE id = OLD.id;
END;
