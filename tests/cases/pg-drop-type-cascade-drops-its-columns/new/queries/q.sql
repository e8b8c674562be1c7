SELECT id, mood FROM moods;
SELECT email FROM users;
INSERT INTO users (id, email) VALUES (1, 'a@b');
