CREATE TYPE mood AS ENUM ('ok', 'sad');
CREATE DOMAIN email_address AS text;
CREATE TABLE users (id int PRIMARY KEY, mood mood, email email_address);
CREATE VIEW moods AS SELECT id, mood FROM users;
