CREATE TABLE messages_new (id bigint PRIMARY KEY, content text NOT NULL, author text);
INSERT INTO messages_new (id, content) SELECT id, content FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
