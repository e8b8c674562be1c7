-- name: OrdersWithEmail :many
SELECT o.id, o.total_cents, a.email
FROM orders o
JOIN accounts a ON a.id = o.account_id
WHERE o.account_id = $1;
