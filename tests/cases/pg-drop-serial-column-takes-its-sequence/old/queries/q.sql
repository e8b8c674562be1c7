-- name: LastLegacyNo :one
SELECT currval('orders_legacy_no_seq');
-- name: OrderTotals :many
SELECT id, total FROM orders;
