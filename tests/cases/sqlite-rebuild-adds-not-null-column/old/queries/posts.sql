SELECT id, title FROM posts WHERE id = ?;
INSERT INTO posts (title) VALUES (?);
