CREATE SCHEMA app;
SET search_path TO app;
CREATE TABLE users (id int PRIMARY KEY, email text);
