CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL UNIQUE, name text, score int NOT NULL DEFAULT 0);
