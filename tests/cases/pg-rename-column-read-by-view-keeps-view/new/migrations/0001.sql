CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL, name text);
CREATE VIEW directory AS SELECT id, name FROM accounts;
