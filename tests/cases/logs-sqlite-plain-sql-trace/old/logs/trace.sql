SELECT id, title FROM posts WHERE id = 1;
SELECT title,
       body FROM posts WHERE id = 2;
SELECT title, body FROM posts WHERE id = 3;
