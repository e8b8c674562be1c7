CREATE TABLE projects (id INTEGER PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts (id), title TEXT);
ALTER TABLE accounts ADD COLUMN project_limit INTEGER;
