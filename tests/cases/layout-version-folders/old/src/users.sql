-- name: UserByEmail :one
SELECT id, name, nickname FROM users WHERE email = ?;
