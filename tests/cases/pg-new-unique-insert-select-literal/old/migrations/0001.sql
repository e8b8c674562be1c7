CREATE TABLE accounts (id bigserial PRIMARY KEY, email text NOT NULL);
CREATE TABLE events (id bigserial PRIMARY KEY, account_id bigint NOT NULL, kind text NOT NULL);
