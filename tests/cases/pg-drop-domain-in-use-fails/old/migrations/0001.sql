CREATE DOMAIN email_address AS text;
CREATE TABLE users (id int PRIMARY KEY, email email_address);
