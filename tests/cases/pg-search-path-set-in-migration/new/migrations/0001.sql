CREATE SCHEMA app;
SET search_path TO app, public;
CREATE TABLE users (id int PRIMARY KEY, email text);
CREATE INDEX users_email_idx ON users (email);
