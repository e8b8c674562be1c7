CREATE SCHEMA app;
SET search_path TO app, public;
CREATE TABLE users (id int PRIMARY KEY, email text);
