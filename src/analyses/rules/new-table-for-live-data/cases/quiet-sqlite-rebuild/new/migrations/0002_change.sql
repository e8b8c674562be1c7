CREATE TABLE messages_new (id INTEGER PRIMARY KEY, content TEXT NOT NULL, author TEXT);
INSERT INTO messages_new (id, content) SELECT id, content FROM messages;
DROP TABLE messages;
ALTER TABLE messages_new RENAME TO messages;
