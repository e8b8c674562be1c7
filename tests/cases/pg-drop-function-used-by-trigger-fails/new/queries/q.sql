-- name: CreateUser :one
INSERT INTO users (name) VALUES ($1) RETURNING id;
-- name: RenameUser :exec
UPDATE users SET name = $2 WHERE id = $1;
-- name: GetUser :one
SELECT * FROM users WHERE id = $1;
