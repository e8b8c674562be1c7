-- name: Signup
INSERT INTO users (email, name, status) VALUES (?, ?, 'invited');
