-- name: Typo
accounts;

-- name: OrdersOfAccount :many
SELECT o.id, o.total_cents FROM orders o WHERE o.account_id = $1;
