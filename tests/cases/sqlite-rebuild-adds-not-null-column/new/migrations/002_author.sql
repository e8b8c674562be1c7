-- posts get an author; rebuilt because SQLite cannot add NOT NULL columns in place
CREATE TABLE posts_new (id INTEGER PRIMARY KEY, title TEXT NOT NULL, author_id INTEGER NOT NULL REFERENCES users (id));
INSERT INTO posts_new (id, title, author_id) SELECT id, title, 1 FROM posts;
DROP TABLE posts;
ALTER TABLE posts_new RENAME TO posts;
