-- name: OrderTotals :many
SELECT id, total FROM orders;
