CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL, score int NOT NULL DEFAULT 0);
