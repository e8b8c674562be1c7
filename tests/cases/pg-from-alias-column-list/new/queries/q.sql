-- name: Orders :many
SELECT o.order_id FROM orders AS o(order_id) WHERE o.total > 0;
