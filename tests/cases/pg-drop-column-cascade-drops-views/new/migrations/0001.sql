CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL, name text);
CREATE VIEW directory AS SELECT * FROM accounts;
CREATE VIEW directory_ids AS SELECT id FROM directory;
CREATE VIEW named AS SELECT id, name FROM accounts;
