CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL, age int);
ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);
CREATE TABLE orders (id bigserial PRIMARY KEY, account_id bigint NOT NULL, total int NOT NULL);
