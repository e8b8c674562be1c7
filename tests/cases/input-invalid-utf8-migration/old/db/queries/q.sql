-- name: AccountByEmail :one
SELECT id, email, display_name, created_at FROM accounts WHERE email = $1;

-- name: CreateAccount :one
INSERT INTO accounts (email, display_name) VALUES ($1, $2) RETURNING id;

-- name: OrdersWithEmail :many
SELECT o.id, o.total_cents, a.email
FROM orders o
JOIN accounts a ON a.id = o.account_id
WHERE o.account_id = $1;
