CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL, name text, plan text NOT NULL DEFAULT 'free');
CREATE TABLE legacy_invoices (id bigint PRIMARY KEY, total bigint);
