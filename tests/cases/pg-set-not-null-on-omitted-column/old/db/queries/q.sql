-- name: AccountByEmail :one
SELECT id, email, display_name, created_at FROM accounts WHERE email = $1;

-- name: CreateAccount :one
INSERT INTO accounts (email) VALUES ($1) RETURNING id;
