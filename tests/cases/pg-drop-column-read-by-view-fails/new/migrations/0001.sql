CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL, name text);
CREATE VIEW directory AS SELECT a.id, upper(a.name) AS display FROM accounts a WHERE a.email LIKE '%@%';
