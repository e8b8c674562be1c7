CREATE TABLE messages (id bigint PRIMARY KEY, content text NOT NULL);
