CREATE TABLE users (id INTEGER PRIMARY KEY, email text NOT NULL, nickname text);
