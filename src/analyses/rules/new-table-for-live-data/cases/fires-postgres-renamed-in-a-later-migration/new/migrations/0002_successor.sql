CREATE TABLE messages_2 (id bigint PRIMARY KEY, content text NOT NULL, author text);
