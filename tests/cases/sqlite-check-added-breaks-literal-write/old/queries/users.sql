-- name: GetUser
SELECT id, email, name FROM users WHERE id = ?;

-- name: CreateUser
INSERT INTO users (email, name) VALUES (?, ?);

-- name: RenameUser
UPDATE users SET name = ? WHERE id = ?;

-- name: ArchiveUser
UPDATE users SET status = 'archived' WHERE id = ?;
