CREATE SCHEMA app;
CREATE TABLE users (id int PRIMARY KEY, email text);
