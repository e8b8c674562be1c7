-- name: GetUser
SELECT id, email, name FROM users WHERE id = ?;

-- name: CreateUser
INSERT INTO users (email, name) VALUES (?, ?);

-- name: RenameUser
UPDATE users SET name = ? WHERE id = ?;

-- name: SetStatus
UPDATE users SET status = ? WHERE id = ?;
